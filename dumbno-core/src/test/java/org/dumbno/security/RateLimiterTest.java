package org.dumbno.security;

import static org.dumbno.testing.Addrs.inet;
import static org.dumbno.testing.Addrs.mapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-client token buckets on a manual clock. */
class RateLimiterTest {
    private final ManualClock clock = ManualClock.atEpochSecond(1_700_000_000L);
    private final InetAddress sensor = inet("10.0.0.1");

    private static int granted(RateLimiter limiter, InetAddress client, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(client)) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void aNewClientMaySendItsWholeBurstAtOnceAndNoMore() {
        RateLimiter limiter = new RateLimiter(10, 50, clock);

        assertEquals(50, granted(limiter, sensor, 10_000));
        assertFalse(limiter.tryAcquire(sensor));
    }

    @Test
    void tokensComeBackAtTheRate() {
        RateLimiter limiter = new RateLimiter(10, 5, clock);
        granted(limiter, sensor, 5);

        clock.advance(Duration.ofMillis(99));
        assertFalse(limiter.tryAcquire(sensor));
        clock.advance(Duration.ofMillis(1));
        assertTrue(limiter.tryAcquire(sensor));
        assertFalse(limiter.tryAcquire(sensor));

        clock.advance(Duration.ofMillis(350));
        assertEquals(3, granted(limiter, sensor, 10));
    }

    @Test
    void refillingStopsAtTheBurst() {
        RateLimiter limiter = new RateLimiter(100, 20, clock);
        granted(limiter, sensor, 20);

        clock.advance(Duration.ofHours(1));

        assertEquals(20, granted(limiter, sensor, 1000));
    }

    @Test
    void nanosecondStepsAddUp() {
        RateLimiter limiter = new RateLimiter(1_000_000, 1, clock);
        assertTrue(limiter.tryAcquire(sensor));
        assertFalse(limiter.tryAcquire(sensor));

        clock.advance(Duration.ofNanos(999));
        assertFalse(limiter.tryAcquire(sensor));
        clock.advance(Duration.ofNanos(1));
        assertTrue(limiter.tryAcquire(sensor));
    }

    @Test
    void aClockSteppingBackRefillsNothing() {
        RateLimiter limiter = new RateLimiter(10, 2, clock);
        granted(limiter, sensor, 2);

        clock.advance(Duration.ofSeconds(-60));
        assertFalse(limiter.tryAcquire(sensor));
        clock.advance(Duration.ofSeconds(60));
        assertFalse(limiter.tryAcquire(sensor));
        clock.advance(Duration.ofMillis(100));
        assertTrue(limiter.tryAcquire(sensor));
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 3, clock);
        InetAddress other = inet("2001:db8::7");

        assertEquals(3, granted(limiter, sensor, 100));
        assertEquals(3, granted(limiter, other, 100));
        assertEquals(3, granted(limiter, inet("10.0.0.2"), 100));
    }

    @Test
    void aMappedClientSharesTheBucketOfItsIpv4Address() {
        RateLimiter limiter = new RateLimiter(1, 3, clock);

        assertEquals(3, granted(limiter, sensor, 3));
        assertFalse(limiter.tryAcquire(mapped("10.0.0.1")));
        assertEquals(1, limiter.clients());
    }

    @Test
    void aFloodOfForgedSourcesKeepsMemoryBounded() throws UnknownHostException {
        RateLimiter limiter = new RateLimiter(100, 1000, 1000, clock);
        for (int i = 0; i < 100_000; i++) {
            InetAddress forged = InetAddress.getByAddress(new byte[] {
                10, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
            assertTrue(limiter.tryAcquire(forged));
            assertTrue(limiter.clients() <= 1000, () -> limiter.clients() + " buckets");
        }
    }

    @Test
    void evictionDropsRefilledBucketsBeforeBusyOnes() throws UnknownHostException {
        RateLimiter limiter = new RateLimiter(1, 10, 4, clock);
        granted(limiter, sensor, 10);
        clock.advance(Duration.ofMillis(1));
        for (int i = 1; i <= 3; i++) {
            limiter.tryAcquire(InetAddress.getByAddress(new byte[] {10, 9, 9, (byte) i}));
        }
        clock.advance(Duration.ofSeconds(5));

        limiter.tryAcquire(inet("10.8.8.8"));

        assertEquals(2, limiter.clients());
        assertEquals(5, granted(limiter, sensor, 100), "the busy client's bucket was kept");
    }

    @Test
    void leastRecentlyUsedBucketsGoWhenNoneHasRefilled() {
        RateLimiter limiter = new RateLimiter(1, 2, 4, clock);
        InetAddress oldest = inet("10.1.0.1");
        granted(limiter, oldest, 2);
        for (String client : List.of("10.1.0.2", "10.1.0.3", "10.1.0.4")) {
            clock.advance(Duration.ofMillis(10));
            granted(limiter, inet(client), 2);
        }
        clock.advance(Duration.ofMillis(10));
        granted(limiter, sensor, 2);

        assertEquals(4, limiter.clients());
        assertTrue(limiter.tryAcquire(oldest), "forgotten, so it starts with a full bucket");
        assertFalse(limiter.tryAcquire(sensor));
    }

    @Test
    @Timeout(30)
    void concurrentRequestsFromOneSensorNeverOvershootTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(100, 1000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(() -> granted(limiter, sensor, 10_000));
            }
            int total = 0;
            for (Future<Integer> sent : pool.invokeAll(senders)) {
                total += sent.get();
            }
            assertEquals(1000, total);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(Double.NaN, 10, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(10, 0.5, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(10, 10, 0, clock));
    }
}
