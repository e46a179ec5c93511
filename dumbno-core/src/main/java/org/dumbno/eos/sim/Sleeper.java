package org.dumbno.eos.sim;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the simulated switch waits out its injected latency. The default really sleeps; tests pass
 * one that records the durations instead.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** A sleeper that blocks the calling thread. */
    static Sleeper real() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
