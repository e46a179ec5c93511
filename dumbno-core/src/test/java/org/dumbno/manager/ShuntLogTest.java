package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The event lines read exactly as the original tool's. */
class ShuntLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("dumbno");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void addLine() {
        assertEquals("op=ADD seq=501 rule=\"ip host 192.168.1.1 host 192.168.1.2\"",
                ShuntLog.add(501, "ip host 192.168.1.1 host 192.168.1.2"));
    }

    @Test
    void removeLine() {
        assertEquals("op=REMOVE acl=bulk_2 family=ip seq=729 rule=\"tcp host 192.168.1.2 eq 39329 host 192.168.1.1"
                + " eq 39032\" matches=359 ago=0:01:22", ShuntLog.remove(new AclKey("bulk_2", Family.IP), 729,
                        "tcp host 192.168.1.2 eq 39329 host 192.168.1.1 eq 39032", 359, Duration.ofSeconds(82)));
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00:00", "59, 0:00:59", "3600, 1:00:00", "93784, 26:03:04", "-5, 0:00:00"})
    void agesReadAsHoursMinutesSeconds(long seconds, String text) {
        assertEquals(text, ShuntLog.hms(Duration.ofSeconds(seconds)));
    }

    @Test
    @Timeout(10)
    void theEngineLogsAddsAndRemovalsOnLoggerDumbno() throws Exception {
        Harness h = new Harness().start();
        h.shunt("192.168.1.1", "192.168.1.2");
        h.manager.purge();
        h.clock.advance(Duration.ofSeconds(82));
        h.manager.purge();

        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("op=")).toList();

        assertEquals(List.of("op=ADD seq=501 rule=\"ip host 192.168.1.1 host 192.168.1.2\"",
                "op=REMOVE acl=bulk_1 family=ip seq=501 rule=\"ip host 192.168.1.1 host 192.168.1.2\" matches=0 ago=0:01:22",
                "op=REMOVE acl=bulk_2 family=ip seq=501 rule=\"ip host 192.168.1.1 host 192.168.1.2\" matches=0 ago=0:01:22"),
                messages);
        assertTrue(lines.list.stream().allMatch(e -> e.getLoggerName().equals("dumbno")));
    }
}
