package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.eos.AclEntry;
import org.dumbno.eos.AclKey;
import org.dumbno.eos.AuthenticationException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.SwitchException;
import org.dumbno.internal.LoopWatch;
import org.dumbno.internal.Loops;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * The engine's shared state and its switch lane. Two locks: {@link #lock} guards the state and
 * is never held during a switch call; {@link #callLock} is held for every switch call, so at most
 * one is in flight. Futures and listeners run after both are released.
 */
final class Engine {
    final Settings settings;
    final EosSwitch eos;
    final ScheduledExecutorService scheduler;
    final Object lock = new Object();
    final ReentrantLock callLock = new ReentrantLock();
    final SequenceAllocator allocator;
    final ShuntTable table;
    final RequestQueue queue;
    final Listeners listeners = new Listeners();
    private final BatchWriter writer = new BatchWriter(this);
    /** The write lane: stalled when requests wait, nothing is retrying, and no batch got through. */
    final LoopWatch lane;

    // guarded by lock
    boolean started;
    boolean closed;
    boolean needsResync;
    private boolean draining;
    private boolean retryScheduled;
    private Instant unreachableSince;
    private Duration backoff;
    private ScheduledFuture<?> retry;

    Engine(Settings settings, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.eos = settings.eos();
        this.scheduler = scheduler;
        this.allocator = new SequenceAllocator(settings.seqMin(), settings.seqMax());
        this.table = new ShuntTable(eos.acls(), allocator);
        this.queue = new RequestQueue(settings.queueLimit());
        this.lane = new LoopWatch("write lane", settings.retryMax(), settings.clock(), this::laneIdle);
    }

    private boolean laneIdle() {
        synchronized (lock) {
            return !started || closed || retryScheduled || queue.isEmpty();
        }
    }

    Instant now() {
        return settings.clock().instant();
    }

    /** Starts the lane if there is work and nothing stops it. Call with {@link #lock} held. */
    void kickLocked() {
        if (started && !draining && !retryScheduled && !queue.isEmpty()) {
            draining = true;
            lane.progressed();
            try {
                scheduler.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining = false;
            }
        }
    }

    /**
     * Writes queued requests, batch after batch, until the queue is empty or the switch is away.
     * Whatever a batch throws, the lane is free again afterwards: the error is logged and the lane
     * reads the switch again before its next try, after the backoff.
     */
    void drain() {
        boolean more = true;
        while (more) {
            List<Runnable> after = new ArrayList<>();
            callLock.lock();
            try {
                more = drainOnce(after);
                lane.progressed();
            } catch (Throwable t) {
                more = false;
                Loops.failed(ShuntLog.LOG, "write lane", t);
                synchronized (lock) {
                    needsResync = true;
                    retryLaterLocked();
                }
            } finally {
                callLock.unlock();
            }
            after.forEach(Runnable::run);
        }
    }

    private boolean drainOnce(List<Runnable> after) {
        boolean resync;
        synchronized (lock) {
            expireOld(after);
            if (queue.isEmpty() || retryScheduled || !started) {
                draining = false;
                return false;
            }
            resync = needsResync;
        }
        if (resync && !resync(after)) {
            return false;
        }
        writer.writeBatch(after);
        return true;
    }

    /** Reads the switch again; false (with a retry scheduled) when it cannot be read. */
    boolean resync(List<Runnable> after) {
        try {
            var read = eos.readAcls();
            synchronized (lock) {
                reconcileLocked(read, false, new ArrayList<>(), after);
                needsResync = false;
                reachableLocked();
            }
            return true;
        } catch (AuthenticationException e) {
            ShuntLog.LOG.error("cannot read the switch: {}", e.getMessage());
            synchronized (lock) {
                refuseAllLocked(BatchWriter.credentialsRefused(e), after);
                draining = false;
            }
            return false;
        } catch (SwitchException e) {
            synchronized (lock) {
                unreachableLocked(e);
            }
            return false;
        }
    }

    /** Applies a full read to the table; lines that vanished are reported. Returns lines read. */
    void reconcileLocked(java.util.Map<AclKey, List<AclEntry>> read, boolean sweep, List<EntryState> expired,
            List<Runnable> after) {
        List<EntryState> gone = table.reconcile(read, now(), sweep, settings.hardTimeout(), expired);
        Set<Long> reported = new HashSet<>();
        for (EntryState entry : gone) {
            if (!table.inUse(entry.sequence) && reported.add(entry.sequence)) {
                RemovalReason reason = entry.removing != null ? entry.removing : RemovalReason.BY_HAND;
                ShuntLog.LOG.debug("seq={} rule=\"{}\" left the switch ({})", entry.sequence, entry.ruleText(), reason);
                removedLater(entry, reason, after);
            }
        }
    }

    void removedLater(EntryState entry, RemovalReason reason, List<Runnable> after) {
        Rule rule = entry.rule;
        long sequence = entry.sequence;
        after.add(() -> listeners.fire(l -> l.removed(rule, sequence, reason)));
    }

    /** The switch answered: the outage, if any, is over. */
    void reachableLocked() {
        if (unreachableSince != null) {
            ShuntLog.LOG.info("switch {} reachable again (unreachable since {})", eos.describe(), unreachableSince);
        }
        unreachableSince = null;
        backoff = null;
    }

    /** The switch did not answer: keep the queue, read again before writing, retry later. */
    void unreachableLocked(SwitchException e) {
        Instant now = now();
        if (unreachableSince == null) {
            unreachableSince = now;
            ShuntLog.LOG.warn("switch {} unreachable, requests wait up to {}: {}", eos.describe(),
                    settings.maxRequestAge(), e.getMessage());
        }
        needsResync = true;
        retryLaterLocked();
    }

    /** Frees the lane and tries again after the next backoff step. */
    private void retryLaterLocked() {
        backoff = backoff == null ? settings.retryInitial() : min(backoff.multipliedBy(2), settings.retryMax());
        draining = false;
        if (!closed) {
            retryScheduled = true;
            try {
                retry = scheduler.schedule(this::retryNow, backoff.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException rejected) {
                retryScheduled = false;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void retryNow() {
        synchronized (lock) {
            retryScheduled = false;
            kickLocked();
        }
    }

    /** Refuses requests that waited longer than allowed for an unreachable switch. */
    private void expireOld(List<Runnable> after) {
        if (unreachableSince == null) {
            return;
        }
        String reason = "switch unreachable since " + unreachableSince;
        for (PendingRule.Waiter waiter : queue.expire(now().minus(settings.maxRequestAge()))) {
            ShuntLog.LOG.warn("refused {}: {}", waiter.request(), reason);
            refuseLater(waiter, null, reason, after);
        }
    }

    void refuseAllLocked(String reason, List<Runnable> after) {
        for (PendingRule pending : queue.take(Integer.MAX_VALUE)) {
            pending.waiters.forEach(w -> refuseLater(w, pending.rule, reason, after));
        }
    }

    void refuseLater(PendingRule.Waiter waiter, Rule rule, String reason, List<Runnable> after) {
        after.add(() -> refuse(waiter.request(), waiter.future(), rule, reason));
    }

    void refuse(Request request, CompletableFuture<ShuntOutcome> future, Rule rule, String reason) {
        listeners.fire(l -> l.failed(request, reason));
        future.complete(ShuntOutcome.refused(rule, reason));
    }

    /** Stops retrying; call with {@link #lock} held. */
    void cancelRetryLocked() {
        if (retry != null) {
            retry.cancel(false);
        }
        retryScheduled = false;
    }

    boolean unreachableLocked() {
        return unreachableSince != null;
    }
}
