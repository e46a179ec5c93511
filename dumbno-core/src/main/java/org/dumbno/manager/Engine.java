package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
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
    /** Replaced whole by {@link ACLManager#reconfigure}; read anywhere. */
    volatile Settings settings;
    final AclSwitch eos;
    final ScheduledExecutorService scheduler;
    final Object lock = new Object();
    final ReentrantLock callLock = new ReentrantLock();
    final SequenceAllocator allocator;
    final ShuntTable table;
    final RequestQueue queue;
    final Listeners listeners = new Listeners();
    final LayoutKeeper layout;
    final Confirmations confirmations = new Confirmations();
    private final BatchWriter writer = new BatchWriter(this);
    /** The write lane: stalled when requests wait, nothing is retrying, and no batch got through. */
    final LoopWatch lane;

    // guarded by lock
    boolean started;
    boolean closed;
    boolean needsResync;
    /** The rules of the batch being written, until its call ends. */
    List<PendingRule> inFlight = List.of();
    /** Once closed: when closing stops writing and refuses what is left. */
    Instant closeDeadline = Instant.MAX;
    private boolean draining;
    /** Whether the lane's last call was a write; only the lane (holding {@link #callLock}) uses it. */
    private boolean lastCallWrote;
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
        this.layout = new LayoutKeeper(settings, listeners);
        this.lane = new LoopWatch("write lane", settings.retryMax(), settings.clock(), this::laneIdle);
    }

    private boolean laneIdle() {
        synchronized (lock) {
            return !started || closed || retryScheduled || queue.isEmpty() && !confirmations.hasWaiting();
        }
    }

    Instant now() {
        return settings.clock().instant();
    }

    /** Starts the lane if there is work and nothing stops it. Call with {@link #lock} held. */
    void kickLocked() {
        if (started && !draining && !retryScheduled && (!queue.isEmpty() || confirmations.hasWaiting())) {
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
            after.forEach(Engine::runGuarded);
        }
    }

    /** Runs a deferred answer or event; whatever it throws, the lane goes on with the next. */
    private static void runGuarded(Runnable deferred) {
        try {
            deferred.run();
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "write lane", t);
        }
    }

    /**
     * One switch call: a read when one is due (the switch must be read again, or repeats wait
     * for a confirming read), else a batch of writes. When both writes and repeats wait, they take
     * turns, so neither waits behind more than one call of the other.
     */
    private boolean drainOnce(List<Runnable> after) {
        boolean read;
        boolean confirm;
        synchronized (lock) {
            expireOld(after);
            if (closed && (unreachableSince != null || !now().isBefore(closeDeadline))) {
                draining = false;
                return false;
            }
            boolean writes = !queue.isEmpty();
            boolean repeats = confirmations.hasWaiting();
            if (!writes && !repeats || retryScheduled || !started) {
                draining = false;
                return false;
            }
            confirm = repeats && (needsResync || !writes || lastCallWrote);
            read = needsResync || confirm;
            if (confirm) {
                confirmations.begin();
            }
        }
        if (read) {
            lastCallWrote = false;
            if (!resync(after)) {
                synchronized (lock) {
                    confirmations.failed();
                }
                return false;
            }
            if (confirm) {
                synchronized (lock) {
                    settleConfirmationsLocked(after);
                }
            }
            return true;
        }
        lastCallWrote = true;
        writer.writeBatch(after);
        return true;
    }

    /**
     * Answers the repeated requests a read just confirmed: {@code ok} where every list of the
     * family holds the rule and is whole; the rule goes back in the queue where a list lacks it.
     * A read that missed a list of the family confirms nothing: the request waits for the next
     * read, and is refused when that one misses a list too.
     */
    private void settleConfirmationsLocked(List<Runnable> after) {
        for (Confirmations.Confirmation confirmation : confirmations.finish()) {
            Rule rule = confirmation.rule();
            PendingRule.Waiter waiter = confirmation.waiter();
            String refusal = layout.refusalLocked(rule.family());
            String unread = layout.unreadLocked(rule.family());
            ShuntTable.Placement placement = table.find(rule);
            if (refusal != null) {
                refuseLater(waiter, rule, refusal, after);
            } else if (unread != null && !confirmation.again()) {
                ShuntLog.LOG.info("rule \"{}\" asked again: {}; reading again", rule.text(), unread);
                confirmations.readAgain(confirmation);
            } else if (unread != null) {
                ShuntLog.LOG.warn("refused {}: {}", waiter.request(), unread);
                refuseLater(waiter, rule, unread, after);
            } else if (placement.sequence() != 0 && placement.missing().isEmpty() && !queue.contains(rule)) {
                long sequence = placement.sequence();
                after.add(() -> {
                    listeners.fire(l -> l.alreadyPresent(rule, sequence));
                    waiter.future().complete(ShuntOutcome.alreadyPresent(rule, sequence));
                });
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
    boolean resync(List<Runnable> after) {
        try {
            readSwitch(false, new ArrayList<>(), after);
            synchronized (lock) {
                needsResync = false;
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

    /**
     * Reads the lists and the layout in one call and applies the read; where the layout drifted
     * and may be repaired, repairs it and reads again. Call with {@link #callLock} held.
     *
     * @param sweep whether the read judges lines for expiry ({@code expired} gets those that go)
     * @return the read applied last
     */
    SwitchRead readSwitch(boolean sweep, List<EntryState> expired, List<Runnable> after) throws SwitchException {
        SwitchRead read = eos.read();
        boolean repair;
        synchronized (lock) {
            applyLocked(read, sweep, expired, after);
            repair = layout.needsRepairLocked(read.layout());
        }
        if (!repair) {
            return read;
        }
        layout.repair(read.layout(), after);
        SwitchRead again = eos.read();
        synchronized (lock) {
            applyLocked(again, false, new ArrayList<>(), after);
            layout.repairedLocked(again.layout());
        }
        return again;
    }

    /** Applies a full read to the table; lines that vanished are reported. */
    private void applyLocked(SwitchRead read, boolean sweep, List<EntryState> expired, List<Runnable> after) {
        LayoutReport trusted = layout.acceptLocked(read.layout());
        ShuntTable.Reconciled changes = table.reconcile(read.acls(), trusted, now(), sweep, settings.hardTimeout(),
                expired);
        Set<Long> reported = new HashSet<>();
        for (EntryState entry : changes.gone()) {
            if (!table.inUse(entry.sequence) && reported.add(entry.sequence)) {
                RemovalReason reason = entry.removing != null ? entry.removing : RemovalReason.BY_HAND;
                ShuntLog.LOG.debug("seq={} rule=\"{}\" left the switch ({})", entry.sequence, entry.ruleText(), reason);
                removedLater(entry, reason, after);
            }
        }
        Map<AclKey, Integer> vanished = new LinkedHashMap<>();
        for (EntryState entry : changes.vanished()) {
            vanished.merge(entry.acl, 1, Integer::sum);
            if (!table.inUse(entry.sequence) && reported.add(entry.sequence)) {
                removedLater(entry, RemovalReason.LAYOUT, after);
            }
        }
        vanished.forEach((acl, count) -> ShuntLog.LOG.warn("{} vanished from {} with {} shunts in it: a layout"
                + " problem, not hand removals", acl.describe(), eos.describe(), count));
        layout.skippedLocked(changes.skipped(), after);
    }

    void removedLater(EntryState entry, RemovalReason reason, List<Runnable> after) {
        ShuntTable.Tally tally = entry.lifetime != null ? entry.lifetime
                : new ShuntTable.Tally(entry.packets, entry.bytes, entry.addedAt);
        Instant since = tally.since() != null ? tally.since() : entry.addedAt;
        Duration age = Duration.between(since, now());
        RemovedShunt shunt = new RemovedShunt(entry.rule, entry.sequence, reason, tally.packets(), tally.bytes(),
                age.isNegative() ? Duration.ZERO : age);
        after.add(() -> listeners.fire(l -> l.removed(shunt)));
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
        outageLocked(e);
        needsResync = true;
        retryLaterLocked();
    }

    /** Notes that the switch did not answer: the outage starts now unless it already had. */
    void outageLocked(SwitchException e) {
        if (unreachableSince == null) {
            unreachableSince = now();
            ShuntLog.LOG.warn("switch {} unreachable, requests wait up to {}: {}", eos.describe(),
                    settings.maxRequestAge(), e.getMessage());
        }
    }

    /** Since when the switch has not answered; null while it answers. Call with {@link #lock} held. */
    Instant unreachableSinceLocked() {
        return unreachableSince;
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
    void expireOld(List<Runnable> after) {
        if (unreachableSince == null) {
            return;
        }
        String reason = "switch unreachable since " + unreachableSince;
        Instant cutoff = now().minus(settings.maxRequestAge());
        for (PendingRule.Waiter waiter : queue.expire(cutoff)) {
            ShuntLog.LOG.warn("refused {}: {}", waiter.request(), reason);
            refuseLater(waiter, null, reason, after);
        }
        for (Confirmations.Confirmation confirmation : confirmations.expire(cutoff)) {
            ShuntLog.LOG.warn("refused {}: {}", confirmation.waiter().request(), reason);
            refuseLater(confirmation.waiter(), confirmation.rule(), reason, after);
        }
    }

    void refuseAllLocked(String reason, List<Runnable> after) {
        for (PendingRule pending : queue.take(Integer.MAX_VALUE)) {
            pending.waiters.forEach(w -> refuseLater(w, pending.rule, reason, after));
        }
        for (Confirmations.Confirmation confirmation : confirmations.takeAll()) {
            refuseLater(confirmation.waiter(), confirmation.rule(), reason, after);
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
