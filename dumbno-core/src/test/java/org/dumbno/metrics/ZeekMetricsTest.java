package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.zeek.ZeekStats;
import org.junit.jupiter.api.Test;

class ZeekMetricsTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicReference<ZeekStats> stats = new AtomicReference<>(new ZeekStats(false,
            Map.of("Dumbno::request", 0L, "other", 0L), Map.of("Dumbno::reply", 0L)));

    @Test
    void followsTheConnectionAndTheEventsByName() {
        new DumbnoMetrics(registry).attachZeek(stats::get);
        assertEquals(0, Exposition.of(registry).value("dumbno_zeek_connected"));
        assertEquals(0, Exposition.of(registry).value("dumbno_zeek_events_received_total", "event", "Dumbno::request"));

        stats.set(new ZeekStats(true, Map.of("Dumbno::request", 12L, "other", 1L), Map.of("Dumbno::reply", 11L)));

        Exposition scrape = Exposition.of(registry);
        assertEquals(1, scrape.value("dumbno_zeek_connected"));
        assertEquals(12, scrape.value("dumbno_zeek_events_received_total", "event", "Dumbno::request"));
        assertEquals(1, scrape.value("dumbno_zeek_events_received_total", "event", "other"));
        assertEquals(11, scrape.value("dumbno_zeek_events_sent_total", "event", "Dumbno::reply"));
    }
}
