package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.metrics.Health;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The log says once when a loop stalls, and once when it goes on again. */
class HealthLogTest {
    @RegisterExtension
    private final LogCapture logged = LogCapture.of(HealthLog.class);

    @Test
    void aStallIsLoggedWhenItBeginsAndWhenItEnds() {
        Health health = new Health();
        AtomicReference<List<String>> stalls = new AtomicReference<>(List.of());
        health.liveness("engine", stalls::get);
        HealthLog log = new HealthLog(health);

        log.check();
        stalls.set(List.of("purge loop: no progress for 91 s (expected every 30 s)"));
        log.check();
        stalls.set(List.of("purge loop: no progress for 96 s (expected every 30 s)"));
        log.check();
        stalls.set(List.of());
        log.check();
        log.close();

        assertEquals(List.of(
                "ERROR stalled: engine: purge loop: no progress for 91 s (expected every 30 s); /-/healthy answers 503",
                "INFO engine: purge loop makes progress again"),
                logged.lines());
    }
}
