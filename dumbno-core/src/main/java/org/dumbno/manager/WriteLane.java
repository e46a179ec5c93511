package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.SwitchException;
import org.dumbno.internal.LoopWatch;
import org.dumbno.internal.Loops;
import org.dumbno.rule.Rule;

/**
 * The write lane: one thread at a time takes what waits for the switch, call after call, until
 * nothing does or the switch is away. A call is a read when one is due (dumbno's picture is stale,
 * or repeated requests wait for a confirming read), else a batch of writes; after a call the switch
 * did not answer, the lane tries again once the backoff has passed. Its calls hold the engine's
 * call lock; it takes the engine's lock to choose and to settle.
 */
final class WriteLane {
    private final Engine engine;
    private final Object lock;
    private final ReentrantLock callLock;
    @GuardedBy("lock")
    private final RequestQueue queue;
    @GuardedBy("lock")
    private final Confirmations confirmations;
    @GuardedBy("lock")
    private final ShuntTable table;
    @GuardedBy("lock")
    private final LayoutKeeper layout;
    @GuardedBy("lock")
    private final Outage outage;
    private final SwitchReader reader;
    private final BatchWriter writer;
    private final ScheduledExecutorService scheduler;
    /** Stalled when requests wait, nothing is retrying, and no call got through. */
    private final LoopWatch watch;
    @GuardedBy("lock")
    private boolean draining;
    /** Whether the lane's last call was a write. */
    @GuardedBy("callLock")
    private boolean lastCallWrote;

    WriteLane(Engine engine, Object lock, ReentrantLock callLock, RequestQueue queue, Confirmations confirmations,
            ShuntTable table, LayoutKeeper layout, Outage outage, SwitchReader reader, BatchWriter writer,
            ScheduledExecutorService scheduler) {
        this.engine = engine;
        this.lock = lock;
        this.callLock = callLock;
        this.queue = queue;
        this.confirmations = confirmations;
        this.table = table;
        this.layout = layout;
        this.outage = outage;
        this.reader = reader;
        this.writer = writer;
        this.scheduler = scheduler;
        Settings settings = engine.settings();
        this.watch = new LoopWatch("write lane", settings.retryMax(), settings.clock(), this::idle);
    }

    private boolean idle() {
        synchronized (lock) {
            return !engine.startedLocked() || engine.closedLocked() || outage.retryScheduled()
                    || queue.isEmpty() && !confirmations.hasWaiting();
        }
    }

    /** Why the lane counts as stalled; empty while it writes or has nothing to write. */
    Optional<String> stall() {
        return watch.stall();
    }

    /** Starts the lane if there is work and nothing stops it. */
    @GuardedBy("lock")
    void kickLocked() {
        if (engine.startedLocked() && !draining && !outage.retryScheduled()
                && (!queue.isEmpty() || confirmations.hasWaiting())) {
            draining = true;
            watch.progressed();
            try {
                scheduler.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining = false;
            }
        }
    }

    /**
     * Writes queued requests, batch after batch, until the queue is empty or the switch is away.
     * Whatever a batch or a read throws, the lane is free again afterwards: the error is logged, the
     * repeats of a read that threw wait for the next one, and the lane reads the switch again before
     * its next try, after the backoff.
     */
    void drain() {
        boolean more = true;
        while (more) {
            Deferred deferred = new Deferred();
            callLock.lock();
            try {
                more = drainOnce(deferred);
                watch.progressed();
            } catch (Throwable t) {
                more = false;
                Loops.failed(ShuntLog.LOG, "write lane", t);
                synchronized (lock) {
                    confirmations.readFailed();
                    engine.markStaleLocked();
                    retryLaterLocked();
                }
            } finally {
                callLock.unlock();
            }
            deferred.run("write lane");
        }
    }

    /**
     * One switch call: a read when one is due (the switch must be read again, or repeats wait
     * for a confirming read), else a batch of writes. When both writes and repeats wait, they take
     * turns, so neither waits behind more than one call of the other; repeats whose read beside the
     * writes still waits for a thread (a scheduler with fewer threads than the engine's own) count
     * as waiting for the lane.
     */
    @GuardedBy("callLock")
    private boolean drainOnce(Deferred deferred) {
        boolean read;
        boolean confirm;
        synchronized (lock) {
            engine.refuseExpiredLocked(deferred);
            if (engine.closingStopsWritingLocked()) {
                draining = false;
                return false;
            }
            boolean writes = !queue.isEmpty();
            if (lastCallWrote && confirmations.freshReadWaitsForAThread()) {
                confirmations.allToLane();
            }
            boolean repeats = confirmations.hasWaiting();
            if (!writes && !repeats || outage.retryScheduled() || !engine.startedLocked()) {
                draining = false;
                return false;
            }
            boolean stale = engine.staleLocked();
            confirm = repeats && (stale || !writes || lastCallWrote);
            read = stale || confirm;
            if (confirm) {
                confirmations.readStarted();
            }
        }
        if (read) {
            lastCallWrote = false;
            if (!resync(deferred)) {
                synchronized (lock) {
                    confirmations.readFailed();
                }
                return false;
            }
            if (confirm) {
                synchronized (lock) {
                    settleConfirmationsLocked(deferred);
                }
            }
            return true;
        }
        lastCallWrote = true;
        writer.writeBatch(deferred);
        return true;
    }

    /**
     * Answers the repeated requests a read just confirmed: {@code ok} where every list of the
     * family holds the rule and is whole; the rule goes back in the queue where a list lacks it.
     * A read that missed a list of the family confirms nothing: the request waits for the next
     * read, and is refused when that one misses a list too.
     */
    @GuardedBy("lock")
    private void settleConfirmationsLocked(Deferred deferred) {
        for (Confirmations.Confirmation confirmation : confirmations.readDone()) {
            Rule rule = confirmation.rule();
            PendingRule.Waiter waiter = confirmation.waiter();
            String refusal = layout.refusalLocked(rule.family());
            String unread = layout.unreadLocked(rule.family());
            ShuntTable.Placement placement = table.find(rule);
            if (refusal != null) {
                engine.refuseLater(waiter, rule, refusal, deferred);
            } else if (unread != null && !confirmation.again()) {
                ShuntLog.LOG.info("rule \"{}\" asked again: {}; reading again", rule.text(), unread);
                confirmations.readAgain(confirmation);
            } else if (unread != null) {
                ShuntLog.LOG.warn("refused {}: {}", waiter.request(), unread);
                engine.refuseLater(waiter, rule, unread, deferred);
            } else if (placement.sequence() != 0 && placement.missing().isEmpty() && !queue.contains(rule)) {
                long sequence = placement.sequence();
                Listeners listeners = engine.listeners();
                deferred.add(() -> listeners.fire(l -> l.alreadyPresent(rule, sequence)));
                deferred.answer(waiter.future(), ShuntOutcome.alreadyPresent(rule, sequence));
            } else {
                ShuntLog.LOG.info("rule \"{}\" asked again is missing from {}: writing it again", rule.text(),
                        placement.missing());
                queue.requeue(rule, waiter);
            }
        }
    }

    /**
     * Reads the switch again; false (with a retry scheduled) when it cannot be read. A read that
     * works does not end an outage: the write after it does, so a switch that answers reads and
     * fails writes is tried with a growing backoff, not at the first step's pace.
     */
    @GuardedBy("callLock")
    private boolean resync(Deferred deferred) {
        try {
            reader.read(deferred);
            synchronized (lock) {
                engine.markFreshLocked();
            }
            return true;
        } catch (AuthenticationException e) {
            ShuntLog.LOG.error("cannot read the switch: {}", e.getMessage());
            synchronized (lock) {
                engine.refuseAllLocked(BatchWriter.credentialsRefused(e), deferred);
                draining = false;
            }
            return false;
        } catch (SwitchException e) {
            synchronized (lock) {
                engine.switchFailedLocked(e);
            }
            return false;
        }
    }

    /** Frees the lane and tries again after the next backoff step. */
    @GuardedBy("lock")
    void retryLaterLocked() {
        draining = false;
        outage.scheduleRetry(this::retryNow, engine.closedLocked());
    }

    private void retryNow() {
        synchronized (lock) {
            outage.retryDue();
            kickLocked();
        }
    }
}
