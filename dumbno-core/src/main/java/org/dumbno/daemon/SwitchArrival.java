package org.dumbno.daemon;

import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dumbno.acl.SwitchException;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.Loops;
import org.dumbno.manager.ACLManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the engine once the switch answers, for a daemon that started while it did not: tries
 * again with backoff, runs the setup first when it was asked for, and meanwhile lets the engine
 * refuse requests that waited longer than their maximum age. Closing stops trying.
 */
final class SwitchArrival implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchArrival.class);

    /** What reaching the switch takes: the setup when asked for, then starting the engine. */
    @FunctionalInterface
    interface Attempt {
        void run() throws SwitchException;
    }

    private final ACLManager manager;
    private final String switchName;
    private final Attempt attempt;
    private final Duration first;
    private final Duration max;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dumbno-switch-arrival"));
    private volatile SwitchException lastFailure;
    private volatile boolean arrived;
    private Duration backoff;

    SwitchArrival(ACLManager manager, String switchName, Attempt attempt, SwitchException failure, Duration first,
            Duration max) {
        this.manager = manager;
        this.switchName = switchName;
        this.attempt = attempt;
        this.first = first;
        this.max = max;
        this.lastFailure = failure;
    }

    /** Schedules the next try after the first backoff step. */
    void begin() {
        manager.startFailed(lastFailure);
        next();
    }

    /** Why the switch was not reached yet; empty once it was. */
    Optional<String> waiting() {
        SwitchException failure = lastFailure;
        return arrived || failure == null ? Optional.empty() : Optional.of("not reached yet: " + failure.getMessage());
    }

    private void next() {
        backoff = backoff == null ? first : (backoff.multipliedBy(2).compareTo(max) > 0 ? max : backoff.multipliedBy(2));
        try {
            scheduler.schedule(this::tryOnce, backoff.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("no more tries to reach the switch: closing");
        }
    }

    private void tryOnce() {
        try {
            attempt.run();
            arrived = true;
            LOG.info("switch {} reached: the engine runs", switchName);
            return;
        } catch (SwitchException e) {
            lastFailure = e;
            manager.startFailed(e);
            LOG.debug("switch still unreachable, next try in {}: {}", backoff, e.getMessage());
        } catch (IllegalStateException e) {
            LOG.debug("not starting the engine: {}", e.getMessage());
            return;
        } catch (Throwable t) {
            Loops.failed(LOG, "the wait for the switch", t);
        }
        next();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
