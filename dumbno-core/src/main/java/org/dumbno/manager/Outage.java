package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the switch answers the engine, since when it has not, and the retry after a failed call:
 * exponential backoff from {@code retryInitial} up to {@code retryMax}. Guarded by the engine's lock
 * (every method is called with it held).
 */
final class Outage {
    private final Engine engine;
    private final ScheduledExecutorService scheduler;

    @GuardedBy("engine.lock")
    private Instant since;
    @GuardedBy("engine.lock")
    private Duration backoff;
    @GuardedBy("engine.lock")
    private boolean retryScheduled;
    @GuardedBy("engine.lock")
    private ScheduledFuture<?> retry;

    Outage(Engine engine, ScheduledExecutorService scheduler) {
        this.engine = engine;
        this.scheduler = scheduler;
    }

    /** Notes that the switch did not answer: the outage starts now unless it already had. */
    void begin(Exception cause) {
        if (since == null) {
            since = engine.now();
            ShuntLog.LOG.warn("switch {} unreachable, requests wait up to {}: {}", engine.eos().describe(),
                    engine.settings().maxRequestAge(), cause.getMessage());
        }
    }

    /** The switch answered: the outage, if any, is over, and the backoff starts afresh. */
    void end() {
        if (since != null) {
            ShuntLog.LOG.info("switch {} reachable again (unreachable since {})", engine.eos().describe(), since);
        }
        since = null;
        backoff = null;
    }

    /** Since when the switch has not answered; null while it answers. */
    Instant since() {
        return since;
    }

    /** Whether the switch is not answering. */
    boolean ongoing() {
        return since != null;
    }

    /** Whether a retry waits for its backoff to pass. */
    boolean retryScheduled() {
        return retryScheduled;
    }

    /**
     * Runs {@code retryNow} after the next backoff step (doubling up to {@code retryMax}); nothing
     * once {@code closed}, or when the scheduler is shut down.
     */
    void scheduleRetry(Runnable retryNow, boolean closed) {
        Duration max = engine.settings().retryMax();
        backoff = backoff == null ? engine.settings().retryInitial()
                : backoff.multipliedBy(2).compareTo(max) <= 0 ? backoff.multipliedBy(2) : max;
        if (closed) {
            return;
        }
        retryScheduled = true;
        try {
            retry = scheduler.schedule(retryNow, backoff.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException rejected) {
            retryScheduled = false;
        }
    }

    /** The backoff passed: the retry is due. */
    void retryDue() {
        retryScheduled = false;
    }

    /** Stops the retry, if any. */
    void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
        }
        retryScheduled = false;
    }
}
