package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.internal.LoopWatch;
import org.dumbno.internal.Loops;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * The engine: owns what dumbno knows of the switch and what waits for it, and the lane that
 * writes it. Two locks: {@link #lock} guards the state and is never held during a switch call;
 * {@link #callLock} is held for every switch call, so at most one is in flight. Futures and
 * listeners run after both are released ({@link Deferred}). Thread-safe.
 */
final class Engine {
    static final String SHUTTING_DOWN = "dumbno is shutting down";

    private final Object lock = new Object();
    private final ReentrantLock callLock = new ReentrantLock();
    /** Replaced whole by {@link #reconfigure}; read anywhere. */
    private volatile Settings settings;
    private final AclSwitch eos;
    private final ScheduledExecutorService scheduler;
    private final Listeners listeners;
    @GuardedBy("lock")
    private final SequenceNumbers numbers;
    @GuardedBy("lock")
    private final ShuntTable table;
    @GuardedBy("lock")
    private final RequestQueue queue;
    @GuardedBy("lock")
    private final Confirmations confirmations = new Confirmations();
    @GuardedBy("lock")
    private final LayoutKeeper layout;
    @GuardedBy("lock")
    private final Outage outage;
    private final SwitchReader reader;
    private final BatchWriter writer;
    private final Sweeper sweeper;
    private final Remover remover;
    private final Intake intake;
    /** The write lane: stalled when requests wait, nothing is retrying, and no batch got through. */
    private final LoopWatch lane;

    @GuardedBy("lock")
    private boolean started;
    @GuardedBy("lock")
    private boolean closed;
    /** Whether the switch must be read before the next write: dumbno's picture may be stale. */
    @GuardedBy("lock")
    private boolean stale;
    @GuardedBy("lock")
    private boolean draining;
    /** Once closed: when closing stops writing and refuses what is left. */
    @GuardedBy("lock")
    private Instant closeDeadline = Instant.MAX;
    /** Whether the lane's last call was a write. */
    @GuardedBy("callLock")
    private boolean lastCallWrote;

    Engine(Settings settings, ScheduledExecutorService scheduler, List<ShuntListener> listeners) {
        this.settings = settings;
        this.eos = settings.eos();
        this.scheduler = scheduler;
        this.listeners = new Listeners(listeners);
        this.numbers = new SequenceNumbers(settings.seqMin(), settings.seqMax(), settings.allocation());
        this.table = new ShuntTable(eos.acls(), numbers);
        this.queue = new RequestQueue(settings.queueLimit());
        this.layout = new LayoutKeeper(settings, this.listeners);
        this.outage = new Outage(this, scheduler);
        this.reader = new SwitchReader(this, lock, table, layout);
        this.writer = new BatchWriter(this, lock, reader, table, queue, numbers, layout);
        this.sweeper = new Sweeper(this, lock, reader, table, numbers, scheduler);
        this.remover = new Remover(this, lock, reader, table);
        this.intake = new Intake(this, lock, table, queue, confirmations, layout, remover, scheduler);
        this.lane = new LoopWatch("write lane", settings.retryMax(), settings.clock(), this::laneIdle);
    }

    // --- what the facade asks -------------------------------------------------------------------

    /**
     * Reads the switch, learns the shunts already there and the numbers in use, starts the purge
     * loop and the writing of requests queued so far.
     */
    void start() throws SwitchException {
        callSwitch("start", deferred -> {
            synchronized (lock) {
                if (started || closed) {
                    throw new IllegalStateException(closed ? "closed" : "already started");
                }
            }
            if (settings.checkLayout()) {
                learnLayout();
            }
            reader.read(deferred);
            synchronized (lock) {
                if (closed) {
                    throw new IllegalStateException("closed");
                }
                numbers.continueAfter(table.highestInUse());
                outage.end();
                started = true;
                ShuntLog.LOG.info("found {} shunts on {}", table.activeCount(), eos.describe());
                sweeper.startLoopLocked();
                kickLocked();
            }
            return null;
        });
    }

    private void learnLayout() throws SwitchException {
        try {
            eos.learnLayout();
        } catch (SwitchRefusedException e) {
            ShuntLog.LOG.warn("cannot read the switch-wide settings of {}: {}", eos.describe(), e.getMessage());
        }
    }

    /** {@link #start()} could not read the switch: see {@link ACLManager#startFailed}. */
    void startFailed(SwitchException cause) {
        Deferred deferred = new Deferred();
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            outage.begin(cause);
            refuseExpiredLocked(deferred);
        }
        deferred.run("start");
    }

    /** Queues a request to shunt, or answers it at once; see {@link ACLManager#add}. */
    CompletableFuture<ShuntOutcome> add(Request request) {
        return intake.add(request);
    }

    /** Takes a request's rule away; see {@link ACLManager#remove}. */
    CompletableFuture<ShuntOutcome> remove(Request request) {
        return intake.remove(request);
    }

    /** One expiry sweep now. */
    PurgeReport purge() throws SwitchException {
        return sweeper.sweep();
    }

    @GuardedBy("lock")
    boolean closedLocked() {
        return closed;
    }

    boolean isStarted() {
        synchronized (lock) {
            return started;
        }
    }

    /** Whether the purge loop has nothing to do: not started, or closed. */
    boolean purgeIdle() {
        synchronized (lock) {
            return !started || closed;
        }
    }

    Optional<Instant> unreachableSince() {
        synchronized (lock) {
            return Optional.ofNullable(outage.since());
        }
    }

    Optional<LayoutReport> layout() {
        synchronized (lock) {
            return Optional.ofNullable(layout.currentLocked());
        }
    }

    /** The shunts as last read or written, by sequence number. */
    List<ActiveShunt> active() {
        Instant now = now();
        synchronized (lock) {
            return table.active(now);
        }
    }

    boolean expireAt(Rule rule, Instant deadline) {
        synchronized (lock) {
            return table.expireAt(rule, deadline);
        }
    }

    int capacity() {
        int max = settings.maxRules();
        if (max > 0) {
            return max;
        }
        synchronized (lock) {
            return numbers.capacity();
        }
    }

    int queueDepth() {
        synchronized (lock) {
            return queue.requestCount() + confirmations.size();
        }
    }

    List<String> stalls() {
        List<String> stalls = new ArrayList<>();
        sweeper.stall().ifPresent(stalls::add);
        lane.stall().ifPresent(stalls::add);
        return stalls;
    }

    /** Stops; see {@link ACLManager#close(Duration)}. Idempotent. */
    void close(Duration timeout, boolean ownsScheduler) {
        Deferred deferred = new Deferred();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeDeadline = now().plus(timeout);
            sweeper.stopLoopLocked();
            if (outage.ongoing() || !started) {
                outage.cancelRetry();
                refuseAllLocked(SHUTTING_DOWN, deferred);
            }
        }
        deferred.run("close");
        drain();
        synchronized (lock) {
            outage.cancelRetry();
            refuseAllLocked(SHUTTING_DOWN, deferred);
        }
        deferred.run("close");
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        remover.refuseTracked(SHUTTING_DOWN);
    }

    /** Applies what a configuration read again may change; a null {@code whenFull} keeps it. */
    void reconfigure(Duration purgeInterval, Duration hardTimeout, int maxRules, WhenFull whenFull) {
        synchronized (lock) {
            Settings before = settings;
            settings = before.with(purgeInterval, hardTimeout, maxRules, whenFull != null ? whenFull : before.whenFull());
            sweeper.intervalChangedLocked(before.purgeInterval(), purgeInterval, !closed);
        }
    }

    /** Refuses every request still waiting, those of the batch in flight too. */
    void abandonWaiting() {
        Deferred deferred = new Deferred();
        synchronized (lock) {
            refuseAllLocked(SHUTTING_DOWN, deferred);
            writer.abandonInFlightLocked(SHUTTING_DOWN, deferred);
        }
        deferred.run("close");
    }

    void addListener(ShuntListener listener) {
        listeners.add(listener);
    }

    // --- what the lane's parts ask ----------------------------------------------------------------

    Settings settings() {
        return settings;
    }

    AclSwitch eos() {
        return eos;
    }

    Listeners listeners() {
        return listeners;
    }

    Instant now() {
        return settings.clock().instant();
    }

    /** A switch call: the body runs holding {@link #callLock}; what it defers runs after. */
    <T, E extends Exception> T callSwitch(String where, SwitchCall<T, E> call) throws E {
        Deferred deferred = new Deferred();
        callLock.lock();
        try {
            return call.run(deferred);
        } finally {
            callLock.unlock();
            deferred.run(where);
        }
    }

    /** The body of a switch call. */
    @FunctionalInterface
    interface SwitchCall<T, E extends Exception> {
        T run(Deferred deferred) throws E;
    }

    /** dumbno's picture of the switch may be stale: the switch is read before the next write. */
    void markStale() {
        synchronized (lock) {
            markStaleLocked();
        }
    }

    @GuardedBy("lock")
    void markStaleLocked() {
        stale = true;
    }

    /** The switch answered a read: the picture is fresh and the outage, if any, over. */
    @GuardedBy("lock")
    void readAnsweredLocked() {
        stale = false;
        outage.end();
    }

    /** The switch answered a write: the outage, if any, is over. */
    @GuardedBy("lock")
    void writeAnsweredLocked() {
        outage.end();
    }

    /** A sweep could not reach the switch: the outage starts, the next write reads first. */
    void sweepFailed(SwitchException e, boolean unreachable) {
        synchronized (lock) {
            stale = true;
            if (unreachable) {
                outage.begin(e);
            }
        }
    }

    /** The switch did not answer the lane: keep the queue, read again before writing, retry later. */
    @GuardedBy("lock")
    void switchFailedLocked(SwitchException e) {
        outage.begin(e);
        stale = true;
        retryLaterLocked();
    }

    // --- the write lane -------------------------------------------------------------------------

    private boolean laneIdle() {
        synchronized (lock) {
            return !started || closed || outage.retryScheduled() || queue.isEmpty() && !confirmations.hasWaiting();
        }
    }

    /** Starts the lane if there is work and nothing stops it. */
    @GuardedBy("lock")
    void kickLocked() {
        if (started && !draining && !outage.retryScheduled() && (!queue.isEmpty() || confirmations.hasWaiting())) {
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
    private void drain() {
        boolean more = true;
        while (more) {
            Deferred deferred = new Deferred();
            callLock.lock();
            try {
                more = drainOnce(deferred);
                lane.progressed();
            } catch (Throwable t) {
                more = false;
                Loops.failed(ShuntLog.LOG, "write lane", t);
                synchronized (lock) {
                    stale = true;
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
     * turns, so neither waits behind more than one call of the other.
     */
    @GuardedBy("callLock")
    private boolean drainOnce(Deferred deferred) {
        boolean read;
        boolean confirm;
        synchronized (lock) {
            refuseExpiredLocked(deferred);
            if (closed && (outage.ongoing() || !now().isBefore(closeDeadline))) {
                draining = false;
                return false;
            }
            boolean writes = !queue.isEmpty();
            boolean repeats = confirmations.hasWaiting();
            if (!writes && !repeats || outage.retryScheduled() || !started) {
                draining = false;
                return false;
            }
            confirm = repeats && (stale || !writes || lastCallWrote);
            read = stale || confirm;
            if (confirm) {
                confirmations.begin();
            }
        }
        if (read) {
            lastCallWrote = false;
            if (!resync(deferred)) {
                synchronized (lock) {
                    confirmations.failed();
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
        for (Confirmations.Confirmation confirmation : confirmations.finish()) {
            Rule rule = confirmation.rule();
            PendingRule.Waiter waiter = confirmation.waiter();
            String refusal = layout.refusalLocked(rule.family());
            String unread = layout.unreadLocked(rule.family());
            ShuntTable.Placement placement = table.find(rule);
            if (refusal != null) {
                refuseLater(waiter, rule, refusal, deferred);
            } else if (unread != null && !confirmation.again()) {
                ShuntLog.LOG.info("rule \"{}\" asked again: {}; reading again", rule.text(), unread);
                confirmations.readAgain(confirmation);
            } else if (unread != null) {
                ShuntLog.LOG.warn("refused {}: {}", waiter.request(), unread);
                refuseLater(waiter, rule, unread, deferred);
            } else if (placement.sequence() != 0 && placement.missing().isEmpty() && !queue.contains(rule)) {
                long sequence = placement.sequence();
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
                stale = false;
            }
            return true;
        } catch (AuthenticationException e) {
            ShuntLog.LOG.error("cannot read the switch: {}", e.getMessage());
            synchronized (lock) {
                refuseAllLocked(BatchWriter.credentialsRefused(e), deferred);
                draining = false;
            }
            return false;
        } catch (SwitchException e) {
            synchronized (lock) {
                switchFailedLocked(e);
            }
            return false;
        }
    }

    /** Frees the lane and tries again after the next backoff step. */
    @GuardedBy("lock")
    private void retryLaterLocked() {
        draining = false;
        outage.scheduleRetry(this::retryNow, closed);
    }

    private void retryNow() {
        synchronized (lock) {
            outage.retryDue();
            kickLocked();
        }
    }

    // --- refusing -------------------------------------------------------------------------------

    /** Refuses requests that waited longer than allowed for an unreachable switch. */
    @GuardedBy("lock")
    private void refuseExpiredLocked(Deferred deferred) {
        if (!outage.ongoing()) {
            return;
        }
        String reason = "switch unreachable since " + outage.since();
        Instant cutoff = now().minus(settings.maxRequestAge());
        for (PendingRule.Waiter waiter : queue.expire(cutoff)) {
            ShuntLog.LOG.warn("refused {}: {}", waiter.request(), reason);
            refuseLater(waiter, null, reason, deferred);
        }
        for (Confirmations.Confirmation confirmation : confirmations.expire(cutoff)) {
            ShuntLog.LOG.warn("refused {}: {}", confirmation.waiter().request(), reason);
            refuseLater(confirmation.waiter(), confirmation.rule(), reason, deferred);
        }
    }

    /** Refuses every request waiting, queued or waiting for a confirming read. */
    @GuardedBy("lock")
    void refuseAllLocked(String reason, Deferred deferred) {
        for (PendingRule pending : queue.take(Integer.MAX_VALUE)) {
            pending.waiters.forEach(w -> refuseLater(w, pending.rule, reason, deferred));
        }
        for (Confirmations.Confirmation confirmation : confirmations.takeAll()) {
            refuseLater(confirmation.waiter(), confirmation.rule(), reason, deferred);
        }
    }

    void refuseLater(PendingRule.Waiter waiter, Rule rule, String reason, Deferred deferred) {
        deferred.add(() -> refuse(waiter.request(), waiter.future(), rule, reason));
    }

    /** Tells the listeners, then the request, that it is refused. */
    void refuse(Request request, CompletableFuture<ShuntOutcome> future, Rule rule, String reason) {
        listeners.fire(l -> l.refused(request, reason));
        future.complete(ShuntOutcome.refused(rule, reason));
    }
}
