package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * The engine: owns what dumbno knows of the switch and what waits for it, and the parts that act
 * on it (intake, {@link WriteLane}, {@link Sweeper}, {@link Remover}, {@link ConfirmingReads}),
 * which ask it by intent. Two locks: {@link #lock} guards the state and is never held during a
 * switch call; {@link #callLock} is held for every switch call but the reads beside the writes
 * ({@link ConfirmingReads}), so at most one of the others is in flight. Futures and listeners run
 * after both are released ({@link Deferred}). Thread-safe.
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
    private final WriteLane lane;
    private final ConfirmingReads confirmingReads;

    @GuardedBy("lock")
    private boolean started;
    @GuardedBy("lock")
    private boolean closed;
    /** Whether the switch must be read before the next write: dumbno's picture may be stale. */
    @GuardedBy("lock")
    private boolean stale;
    /** Once closed: when closing stops writing and refuses what is left. */
    @GuardedBy("lock")
    private Instant closeDeadline = Instant.MAX;

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
        this.writer = new BatchWriter(this, lock, reader, table, queue, numbers, layout, confirmations);
        this.sweeper = new Sweeper(this, lock, reader, table, numbers, scheduler);
        this.remover = new Remover(this, lock, reader, table);
        this.intake = new Intake(this, lock, table, queue, confirmations, layout, remover, scheduler);
        this.lane = new WriteLane(this, lock, callLock, queue, confirmations, table, layout, outage, reader, writer,
                scheduler);
        this.confirmingReads = new ConfirmingReads(this, lock, confirmations, table, queue, layout, outage, scheduler);
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

    /**
     * Queues a request to shunt, or answers it at once, completing {@code future}; see
     * {@link ACLManager#add}. {@code judged} (may be null) is its rule as built for several engines
     * at once.
     */
    CompletableFuture<ShuntOutcome> add(Request request, JudgedRule judged, CompletableFuture<ShuntOutcome> future) {
        return intake.add(request, judged, future);
    }

    /** Takes a request's rule away; see {@link ACLManager#remove} and {@link #add} for the rest. */
    CompletableFuture<ShuntOutcome> remove(Request request, JudgedRule judged,
            CompletableFuture<ShuntOutcome> future) {
        return intake.remove(request, judged, future);
    }

    /** The hosts whose flows this engine shunts by address pair only. */
    Set<IPAddress> twoTupleHosts() {
        return settings().twoTupleHosts();
    }

    /** One expiry sweep now. */
    PurgeReport purge() throws SwitchException {
        return sweeper.sweep();
    }

    @GuardedBy("lock")
    boolean closedLocked() {
        return closed;
    }

    @GuardedBy("lock")
    boolean startedLocked() {
        return started;
    }

    /** Whether closing must stop writing: the switch is away, or the time to write what is queued is up. */
    @GuardedBy("lock")
    boolean closingStopsWritingLocked() {
        return closed && (outage.ongoing() || !now().isBefore(closeDeadline));
    }

    /** Whether the switch must be read before the next write. */
    @GuardedBy("lock")
    boolean staleLocked() {
        return stale;
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

    /** Whether a list of the switch holds {@code rule}, as the last read or write showed. */
    boolean holds(Rule rule) {
        synchronized (lock) {
            return table.find(rule).known();
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
            // the drain below reads for the repeats too, those of a read beside the writes in flight
            confirmations.allToLane();
            if (outage.ongoing() || !started) {
                outage.cancelRetry();
                refuseAllLocked(SHUTTING_DOWN, deferred);
            }
        }
        deferred.run("close");
        lane.drain();
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

    /** A read brought dumbno's picture up to date (an outage ends only with a write that works). */
    @GuardedBy("lock")
    void markFreshLocked() {
        stale = false;
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
        lane.retryLaterLocked();
    }

    /** Starts the confirming reads and the write lane where there is work and nothing stops them. */
    @GuardedBy("lock")
    void kickLocked() {
        confirmingReads.kickLocked();
        lane.kickLocked();
    }

    // --- refusing -------------------------------------------------------------------------------

    /** Refuses requests that waited longer than allowed for an unreachable switch. */
    @GuardedBy("lock")
    void refuseExpiredLocked(Deferred deferred) {
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
            pending.waiters().forEach(w -> refuseLater(w, pending.rule, reason, deferred));
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
