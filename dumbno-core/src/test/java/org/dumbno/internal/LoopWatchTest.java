package org.dumbno.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;

class LoopWatchTest {
    private static final Duration ROUND = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final AtomicBoolean idle = new AtomicBoolean();
    private final LoopWatch watch = new LoopWatch("purge loop", ROUND, clock, idle::get);

    @Test
    void aLoopIsStalledAfterThreeRoundsWithoutProgressAndWellAgainOnItsNextRound() {
        clock.advance(ROUND.multipliedBy(3));
        assertEquals(Optional.empty(), watch.stall(), "three rounds are still allowed");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of("purge loop: no progress for 91 s (expected every 30 s)"), watch.stall());

        watch.progressed();
        assertEquals(Optional.empty(), watch.stall());
    }

    @Test
    void anIdleLoopIsNeverStalled() {
        idle.set(true);
        clock.advance(ROUND.multipliedBy(100));
        assertEquals(Optional.empty(), watch.stall());

        idle.set(false);
        assertEquals(Optional.of("purge loop: no progress for 3000 s (expected every 30 s)"), watch.stall());
    }
}
