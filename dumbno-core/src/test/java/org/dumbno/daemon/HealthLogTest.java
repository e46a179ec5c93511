package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.metrics.Health;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log says once when a loop stalls, and once when it goes on again. */
class HealthLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(HealthLog.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    HealthLogTest() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

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
                appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
    }
}
