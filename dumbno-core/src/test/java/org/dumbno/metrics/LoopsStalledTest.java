package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dumbno_loops_stalled} counts the stalls the health checks find, as they find them. */
class LoopsStalledTest {

    @Test
    void followsTheStallsOfEveryPart() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Health health = new Health();
        List<String> engine = new ArrayList<>();
        health.liveness("engine", () -> List.copyOf(engine));
        health.liveness("server", List::of);
        new DumbnoMetrics(registry).attachHealth(health);
        assertEquals(0, Exposition.of(registry).value("dumbno_loops_stalled"));

        engine.add("write lane: no progress for 95 s (expected every 30 s)");
        engine.add("sweeps: no progress for 95 s (expected every 30 s)");
        assertEquals(2, Exposition.of(registry).value("dumbno_loops_stalled"));

        engine.clear();
        assertEquals(0, Exposition.of(registry).value("dumbno_loops_stalled"));
    }
}
