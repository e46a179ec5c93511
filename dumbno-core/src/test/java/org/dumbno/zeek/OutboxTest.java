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
        Outbox outbox = new Outbox(2, Duration.ofMillis(100), (webSocket, url, why) -> { });
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
}
