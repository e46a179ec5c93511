package org.dumbno.daemon;

import java.io.Closeable;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.Loops;
import org.dumbno.metrics.Health;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log when a loop stalls and when it goes again, whether or not anyone asks
 * {@code /-/healthy}: checks the {@link Health} every few seconds on a thread of its own.
 */
final class HealthLog implements Closeable {
    /** How often the loops are checked. */
    static final Duration EVERY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(HealthLog.class);

    private final Health health;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dumbno-health"));
    private Set<String> stalled = Set.of();

    HealthLog(Health health) {
        this.health = health;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(Loops.guarded(LOG, "health check", this::check),
                EVERY.toNanos(), EVERY.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Logs the stalls that began and ended since the last check; a stall reads
     * {@code PART: LOOP: why}, and {@code PART: LOOP} names the loop.
     */
    synchronized void check() {
        List<String> now = health.stalls();
        Set<String> loops = new LinkedHashSet<>();
        for (String stall : now) {
            String loop = stall.substring(0, Math.max(0, stall.lastIndexOf(": ")));
            loops.add(loop);
            if (!stalled.contains(loop)) {
                LOG.error("stalled: {}; /-/healthy answers 503", stall);
            }
        }
        for (String loop : stalled) {
            if (!loops.contains(loop)) {
                LOG.info("{} makes progress again", loop);
            }
        }
        stalled = loops;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
