package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OutboxTest {

    @Test
    void holdsAtMostItsLimitWhileNoConnectionIsOpenAndNothingOnceClosed() {
        Outbox outbox = new Outbox(6, Duration.ofMillis(100), (webSocket, url, why) -> { });
        outbox.start();
        try {
            assertTrue(outbox.offer("one"));
            assertTrue(outbox.offer("two"));
            assertFalse(outbox.offer("three"), "over the limit");
        } finally {
            outbox.close();
        }
        assertFalse(outbox.offer("four"), "closed");
    }

    @Test
    void isBoundedByCharactersSoLongEventsCannotExhaustMemory() {
        Outbox outbox = new Outbox(1000, Duration.ofMillis(100), (webSocket, url, why) -> { });
        outbox.start();
        try {
            assertTrue(outbox.offer("x".repeat(600)));
            assertFalse(outbox.offer("x".repeat(600)), "1200 characters over a limit of 1000");
            assertTrue(outbox.offer("x".repeat(400)), "what still fits");
        } finally {
            outbox.close();
        }
    }
}
