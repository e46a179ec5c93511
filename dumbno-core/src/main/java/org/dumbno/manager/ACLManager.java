package org.dumbno.manager;

import inet.ipaddr.IPAddress;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.LoopWatch;
import org.dumbno.internal.Loops;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.rule.RequestFilter;
import org.dumbno.rule.Rule;

/**
 * The engine: turns requests into {@code deny} lines in every managed access list of their family,
 * and removes the lines whose counters stop moving. Thread-safe.
 *
 * <p>At most one switch call is in flight at a time. Requests that arrive while one is in flight
 * are written together in the next call; a request reaching an idle engine is written at once.
 * Each request's future completes when its own lines are on the switch (or it is refused), never
 * exceptionally. When the switch is unreachable, requests wait (up to the queue limit and the
 * maximum request age) and the engine retries with exponential backoff, reading the switch again
 * before it writes anything. Expiry sweeps run every purge interval after {@link #start()}.
 *
 * <p>Sequence numbers are odd, strictly between {@code seq_min} and {@code seq_max}, handed out
 * round-robin after the last one used; lines outside that range are never touched. When another
 * writer took a number meanwhile (the switch answers {@code Duplicate sequence number}), the
 * engine reads the switch again and places the rule anew, up to three times per rule.
 */
public final class ACLManager implements Shunter, Closeable {
    private static final String SHUTTING_DOWN = "dumbno is shutting down";

    private final Engine engine;
    private final Sweeper sweeper;
    private final Remover remover;
    private final Set<CompletableFuture<ShuntOutcome>> removals = ConcurrentHashMap.newKeySet();
    private final boolean ownsScheduler;
    private final LoopWatch purgeWatch;
    private ScheduledFuture<?> purgeLoop;

    private ACLManager(Settings settings, ScheduledExecutorService scheduler, boolean ownsScheduler) {
        this.engine = new Engine(settings, scheduler);
        this.sweeper = new Sweeper(engine);
        this.remover = new Remover(engine);
        this.ownsScheduler = ownsScheduler;
        this.purgeWatch = new LoopWatch("purge loop", settings.purgeInterval(), settings.clock(), this::purgeIdle);
    }

    private boolean purgeIdle() {
        synchronized (engine.lock) {
            return !engine.started || engine.closed;
        }
    }

    /** A builder; a switch (an {@link AclSwitch}, or an EOS transport and ports) is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the switch, learns the shunts already there and the numbers in use, starts the purge
     * loop and the writing of requests queued so far.
     *
     * @throws SwitchException the switch could not be read; nothing is started
     * @throws IllegalStateException started twice, or after (or during) {@link #close()}
     */
    public void start() throws SwitchException {
        List<Runnable> after = new ArrayList<>();
        engine.callLock.lock();
        try {
            synchronized (engine.lock) {
                if (engine.started || engine.closed) {
                    throw new IllegalStateException(engine.closed ? "closed" : "already started");
                }
            }
            if (engine.settings.checkLayout()) {
                learnLayout();
            }
            engine.readSwitch(false, new ArrayList<>(), after);
            synchronized (engine.lock) {
                if (engine.closed) {
                    throw new IllegalStateException("closed");
                }
                engine.allocator.continueAfter(engine.table.highestInUse());
                engine.reachableLocked();
                engine.started = true;
                purgeWatch.progressed();
                ShuntLog.LOG.info("found {} shunts on {}", engine.table.activeCount(), engine.eos.describe());
                long every = engine.settings.purgeInterval().toNanos();
                purgeLoop = engine.scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every,
                        TimeUnit.NANOSECONDS);
                engine.kickLocked();
            }
        } finally {
            engine.callLock.unlock();
            after.forEach(Runnable::run);
        }
    }

    private void learnLayout() throws SwitchException {
        try {
            engine.eos.learnLayout();
        } catch (SwitchRefusedException e) {
            ShuntLog.LOG.warn("cannot read the switch-wide settings of {}: {}", engine.eos.describe(), e.getMessage());
        }
    }

    /**
     * The layout of the switch as the last read showed it (every read of the lists carries it:
     * start, sweeps, confirming reads); empty before {@link #start()} has read the switch.
     */
    public Optional<LayoutReport> layout() {
        synchronized (engine.lock) {
            return Optional.ofNullable(engine.layout.currentLocked());
        }
    }

    /**
     * Asks for a request's flow to be shunted; see {@link Shunter#add}. Requests made before
     * {@link #start()} wait for it.
     */
    @Override
    public CompletableFuture<ShuntOutcome> add(Request request) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<ShuntOutcome> future = new CompletableFuture<>();
        Rule rule;
        Optional<String> refusal;
        try {
            rule = request.toRule(engine.settings.twoTupleHosts());
            refusal = engine.settings.filter().check(request);
        } catch (InvalidRequestException e) {
            engine.refuse(request, future, null, e.getMessage());
            return future;
        }
        if (refusal.isPresent()) {
            engine.refuse(request, future, rule, refusal.get());
            return future;
        }
        List<Runnable> after = new ArrayList<>();
        synchronized (engine.lock) {
            enqueueLocked(request, rule, future, after);
        }
        after.forEach(Runnable::run);
        return future;
    }

    /**
     * Asks for a request's shunt to be taken away: its rule (as {@link #add} would have written it)
     * is removed from every list of its family, under whatever number it stands, and the switch is
     * read again to see it gone. The future completes {@link ShuntOutcome.Status#REMOVED} (logged
     * {@code op=REMOVE ... reason=request}, heard by listeners as {@link RemovalReason#REQUEST}),
     * {@link ShuntOutcome.Status#NOT_PRESENT} when no list had it, or refused (the switch could not
     * be read or refused the change), never exceptionally. Requests for the same rule still
     * waiting to be written are withdrawn and refused; an unreachable switch refuses the removal
     * at once rather than queueing it.
     */
    @Override
    public CompletableFuture<ShuntOutcome> remove(Request request) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<ShuntOutcome> future = new CompletableFuture<>();
        Rule rule;
        try {
            rule = request.toRule(engine.settings.twoTupleHosts());
        } catch (InvalidRequestException e) {
            engine.refuse(request, future, null, e.getMessage());
            return future;
        }
        List<Runnable> after = new ArrayList<>();
        synchronized (engine.lock) {
            if (engine.closed) {
                after.add(() -> engine.refuse(request, future, rule, SHUTTING_DOWN));
            } else {
                for (PendingRule.Waiter waiter : engine.queue.withdraw(rule)) {
                    engine.refuseLater(waiter, rule, "withdrawn by a request to remove it", after);
                }
                removals.add(future);
                future.whenComplete((outcome, failure) -> removals.remove(future));
                try {
                    engine.scheduler.execute(() -> {
                        if (!future.isDone()) {
                            remover.remove(request, rule, future);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    after.add(() -> engine.refuse(request, future, rule, SHUTTING_DOWN));
                }
            }
        }
        after.forEach(Runnable::run);
        return future;
    }

    private void enqueueLocked(Request request, Rule rule, CompletableFuture<ShuntOutcome> future,
            List<Runnable> after) {
        if (engine.closed) {
            after.add(() -> engine.refuse(request, future, rule, SHUTTING_DOWN));
            return;
        }
        String layoutRefusal = engine.layout.refusalLocked(rule.family());
        if (layoutRefusal != null) {
            after.add(() -> engine.refuse(request, future, rule, layoutRefusal));
            return;
        }
        ShuntTable.Placement placement = engine.table.find(rule);
        boolean believed = placement.sequence() != 0 && placement.missing().isEmpty();
        boolean unread = placement.known() && engine.layout.unreadLocked(rule.family()) != null;
        if ((believed || unread) && !engine.queue.contains(rule)) {
            confirmLocked(request, rule, future, after);
            return;
        }
        int max = engine.settings.maxRules();
        int active = engine.table.activeCount() + engine.queue.ruleCount();
        if (max > 0 && !placement.known() && !engine.queue.contains(rule) && active >= max) {
            String reason = "at capacity (" + active + " active shunts)";
            after.add(() -> refuseLogged(request, future, rule, reason));
            return;
        }
        if (!engine.queue.offer(request, rule, future, engine.now())) {
            int waiting = engine.queue.requestCount();
            String reason = "queue full (" + waiting + " requests waiting)";
            after.add(() -> refuseLogged(request, future, rule, reason));
            return;
        }
        engine.kickLocked();
    }

    /**
     * A repeated request for a rule the engine believes on the switch, or one it knows of from a
     * read that missed a list of its family: the flow still reaches a sensor, so the rule is
     * confirmed by a read (and written again where missing) before {@code ok}. Requests arriving
     * while a confirming read is in flight join it.
     */
    private void confirmLocked(Request request, Rule rule, CompletableFuture<ShuntOutcome> future,
            List<Runnable> after) {
        int waiting = engine.queue.requestCount() + engine.confirmations.size();
        if (waiting >= engine.settings.queueLimit()) {
            String reason = "queue full (" + waiting + " requests waiting)";
            after.add(() -> refuseLogged(request, future, rule, reason));
            return;
        }
        engine.confirmations.add(rule, new PendingRule.Waiter(request, future, engine.now()));
        engine.kickLocked();
    }

    /** Refuses a request for a reason the operator must hear of: the engine's limits. */
    private void refuseLogged(Request request, CompletableFuture<ShuntOutcome> future, Rule rule, String reason) {
        ShuntLog.LOG.warn("refused {}: {}", request, reason);
        engine.refuse(request, future, rule, reason);
    }

    /**
     * {@link #start()} could not read the switch: the outage is noted (requests made meanwhile
     * wait for a later {@code start()}, up to the maximum request age) and requests that waited
     * longer are refused. Call it after each failed start; it does nothing once started or closed.
     */
    public void startFailed(SwitchException cause) {
        Objects.requireNonNull(cause, "cause");
        List<Runnable> after = new ArrayList<>();
        synchronized (engine.lock) {
            if (engine.started || engine.closed) {
                return;
            }
            engine.outageLocked(cause);
            engine.expireOld(after);
        }
        after.forEach(Runnable::run);
    }

    /** Whether {@link #start()} has read the switch. */
    public boolean started() {
        synchronized (engine.lock) {
            return engine.started;
        }
    }

    /** Since when the switch has not answered the engine; empty while it answers. */
    public Optional<Instant> unreachableSince() {
        synchronized (engine.lock) {
            return Optional.ofNullable(engine.unreachableSinceLocked());
        }
    }

    /** The shunts on the switch as last read or written, by sequence number. */
    public List<ActiveShunt> active() {
        Instant now = engine.now();
        List<ActiveShunt> shunts = new ArrayList<>();
        synchronized (engine.lock) {
            engine.table.bySequence().forEach((sequence, lines) -> shunts.add(shunt(sequence, lines, now)));
        }
        shunts.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return shunts;
    }

    /**
     * Gives the shunt of {@code rule} a deadline: the first sweep from then on removes it, busy or
     * not ({@link RemovalReason#HARD_TIMEOUT}), as {@code hard_timeout} does for every shunt. A later
     * deadline it already has stays. The engine keeps it in memory only: after a restart the
     * shunt expires by idleness and {@code hard_timeout} alone.
     *
     * @return whether the rule is on the switch (else nothing changed)
     */
    public boolean expireAt(Rule rule, Instant deadline) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(deadline, "deadline");
        synchronized (engine.lock) {
            return engine.table.expireAt(rule, deadline);
        }
    }

    /** Whether a list of the switch holds {@code rule}, as the last read or write showed. */
    boolean holds(Rule rule) {
        synchronized (engine.lock) {
            return engine.table.find(rule).known();
        }
    }

    /**
     * Shunts the engine takes at most: {@code max_rules}, or, when that is 0, the odd numbers of the
     * sequence range.
     */
    public int capacity() {
        int max = engine.settings.maxRules();
        return max > 0 ? max : engine.allocator.capacity();
    }

    /** Requests waiting for the switch: queued or waiting for a confirming read, not yet answered. */
    public int queueDepth() {
        synchronized (engine.lock) {
            return engine.queue.requestCount() + engine.confirmations.size();
        }
    }

    private static ActiveShunt shunt(long sequence, List<EntryState> lines, Instant now) {
        Map<AclKey, Long> counts = new HashMap<>();
        Instant added = lines.get(0).addedAt;
        Instant changed = lines.get(0).lastChange;
        for (EntryState line : lines) {
            counts.put(line.acl, line.packets);
            added = line.addedAt.isBefore(added) ? line.addedAt : added;
            changed = line.lastChange.isAfter(changed) ? line.lastChange : changed;
        }
        EntryState first = lines.get(0);
        return new ActiveShunt(first.rule, first.text, sequence, counts, added, Duration.between(changed, now));
    }

    /** Registers a listener for adds, removals and refusals. */
    public void addListener(ShuntListener listener) {
        engine.listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Runs one expiry sweep now: one read, then one call removing idle and timed-out lines.
     *
     * @throws SwitchException the switch could not be read or the removal failed
     */
    public PurgeReport purge() throws SwitchException {
        return sweeper.sweep();
    }

    /** One round of the purge loop: whatever it meets, the next round still runs. */
    private void purgeQuietly() {
        try {
            PurgeReport report = sweeper.sweep();
            ShuntLog.LOG.debug("purge: {} lines examined, {} removed", report.examined(), report.removed().size());
            purgeWatch.progressed();
        } catch (SwitchException e) {
            ShuntLog.LOG.warn("purge skipped: {}", e.getMessage());
            purgeWatch.progressed();
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "purge loop", t);
        }
    }

    /**
     * The engine's loops that stopped making progress, each with why it counts as stalled: the
     * purge loop that got through no sweep for three purge intervals, the write lane that wrote
     * no batch for three retry backoff limits while requests wait. Empty while all is well.
     */
    public List<String> stalls() {
        List<String> stalls = new ArrayList<>();
        purgeWatch.stall().ifPresent(stalls::add);
        engine.lane.stall().ifPresent(stalls::add);
        return stalls;
    }

    /**
     * Stops, giving the queue up to {@link Builder#DEFAULT_CLOSE_TIMEOUT} to be written; see
     * {@link #close(Duration)}.
     */
    @Override
    public void close() {
        close(Builder.DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Stops: refuses new requests, stops the purge loop, writes what is queued and waits for the
     * call in flight. Writing stops at the first call that fails, or once {@code timeout} has passed
     * (a call in flight then still ends, bounded by the transport's timeout); the requests left are
     * refused {@code dumbno is shutting down}, as they are at once when the switch is already
     * unreachable. Idempotent.
     */
    public void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        List<Runnable> after = new ArrayList<>();
        synchronized (engine.lock) {
            if (engine.closed) {
                return;
            }
            engine.closed = true;
            engine.closeDeadline = engine.now().plus(timeout);
            if (purgeLoop != null) {
                purgeLoop.cancel(false);
            }
            if (engine.unreachableLocked() || !engine.started) {
                engine.cancelRetryLocked();
                engine.refuseAllLocked("dumbno is shutting down", after);
            }
        }
        after.forEach(Runnable::run);
        engine.drain();
        after.clear();
        synchronized (engine.lock) {
            engine.cancelRetryLocked();
            engine.refuseAllLocked("dumbno is shutting down", after);
        }
        after.forEach(Runnable::run);
        if (ownsScheduler) {
            engine.scheduler.shutdownNow();
        }
        for (CompletableFuture<ShuntOutcome> removal : List.copyOf(removals)) {
            removal.complete(ShuntOutcome.refused(null, SHUTTING_DOWN));
        }
    }

    /**
     * Applies what a configuration read again may change: the purge interval (the next sweep comes
     * one new interval from now), the hard timeout (from the next sweep on) and the most active
     * shunts (from the next request on; shunts beyond a lowered limit stay until they expire).
     *
     * @throws IllegalArgumentException a value is out of range; nothing changed then
     */
    public void reconfigure(Duration purgeInterval, Duration hardTimeout, int maxRules) {
        synchronized (engine.lock) {
            Settings before = engine.settings;
            Settings after = before.with(purgeInterval, hardTimeout, maxRules);
            engine.settings = after;
            purgeWatch.interval(purgeInterval);
            if (!before.purgeInterval().equals(purgeInterval) && purgeLoop != null && !engine.closed) {
                purgeLoop.cancel(false);
                long every = purgeInterval.toNanos();
                purgeLoop = engine.scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every,
                        TimeUnit.NANOSECONDS);
                purgeWatch.progressed();
            }
        }
    }

    /**
     * Refuses every request still waiting with {@code dumbno is shutting down}, at once, without
     * waiting for a switch call in flight: for a {@link #close(Duration)} that ran out of time on a
     * call that does not end; the requests of that call too (should it still write their lines,
     * they are on the switch, and expire as any idle shunt).
     */
    public void abandonWaiting() {
        List<Runnable> after = new ArrayList<>();
        synchronized (engine.lock) {
            engine.refuseAllLocked("dumbno is shutting down", after);
            for (PendingRule pending : engine.inFlight) {
                pending.waiters.forEach(w -> engine.refuseLater(w, pending.rule, "dumbno is shutting down", after));
            }
        }
        after.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "ACLManager[" + engine.eos.describe() + "]";
    }

    /** Builds an {@link ACLManager}; every setting but the switch has a default. */
    public static final class Builder {
        /** Default lowest managed sequence number (exclusive). */
        public static final long DEFAULT_SEQ_MIN = 500;
        /** Default highest managed sequence number (exclusive). */
        public static final long DEFAULT_SEQ_MAX = 100_000;
        public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofSeconds(30);
        public static final Duration DEFAULT_MAX_REQUEST_AGE = Duration.ofMinutes(5);
        public static final int DEFAULT_QUEUE_LIMIT = 100_000;
        public static final int DEFAULT_BATCH_LIMIT = 2_000;
        /** How long closing may spend writing what is queued. */
        public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

        private AclSwitch eos;
        private Set<IPAddress> twoTupleHosts = Set.of();
        private long seqMin = DEFAULT_SEQ_MIN;
        private long seqMax = DEFAULT_SEQ_MAX;
        private int maxRules;
        private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
        private Duration hardTimeout = Duration.ZERO;
        private Duration maxRequestAge = DEFAULT_MAX_REQUEST_AGE;
        private int queueLimit = DEFAULT_QUEUE_LIMIT;
        private int batchLimit = DEFAULT_BATCH_LIMIT;
        private Duration retryInitial = Duration.ofMillis(250);
        private Duration retryMax = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private ScheduledExecutorService scheduler;
        private RequestFilter filter = RequestFilter.NONE;
        private boolean checkLayout = true;
        private boolean repairLayout = true;

        private Builder() {
        }

        /**
         * Whether a layout that drifted (a reload, a hand edit) is put back with the setup plan
         * (true, the default) or requests are refused {@code switch layout incomplete: ...} until
         * an operator puts it back ({@code repair_layout = false}).
         */
        public Builder repairLayout(boolean value) {
            this.repairLayout = value;
            return this;
        }

        /**
         * Whether the layout is checked at all (true by default); false only for a switch that
         * keeps nothing, such as the dummy backend.
         */
        public Builder checkLayout(boolean value) {
            this.checkLayout = value;
            return this;
        }

        /**
         * The switch and its managed lists: an {@link EosSwitch}, the dummy switch,
         * or any other implementation. The manager does not close it.
         */
        public Builder aclSwitch(AclSwitch value) {
            this.eos = value;
            return this;
        }

        /**
         * An Arista switch reached through {@code transport}, with the {@code [ports]} map (ingress
         * interface to ACL name): {@code aclSwitch(EosSwitch.of(transport, ports))}.
         */
        public Builder transport(Transport transport, Map<String, String> ports) {
            this.eos = EosSwitch.of(transport, ports);
            return this;
        }

        /** Hosts whose requests become host-pair rules ({@code [two_tuple_hosts]}). */
        public Builder twoTupleHosts(Set<IPAddress> value) {
            this.twoTupleHosts = value;
            return this;
        }

        /** The managed range: odd numbers strictly between these (500 and 100000 by default). */
        public Builder sequenceRange(long min, long max) {
            this.seqMin = min;
            this.seqMax = max;
            return this;
        }

        /** Active shunts at most; 0 (the default) leaves only the sequence range as the limit. */
        public Builder maxRules(int value) {
            this.maxRules = value;
            return this;
        }

        /** Time between expiry sweeps (30 s by default). */
        public Builder purgeInterval(Duration value) {
            this.purgeInterval = value;
            return this;
        }

        /** Lines older than this go regardless of traffic; zero (the default) means never. */
        public Builder hardTimeout(Duration value) {
            this.hardTimeout = value;
            return this;
        }

        /** How long a request may wait for an unreachable switch (5 minutes by default). */
        public Builder maxRequestAge(Duration value) {
            this.maxRequestAge = value;
            return this;
        }

        /** Requests waiting at most (100000 by default); more are refused {@code queue full}. */
        public Builder queueLimit(int value) {
            this.queueLimit = value;
            return this;
        }

        /** Rules written in one call at most (2000 by default). */
        public Builder batchLimit(int value) {
            this.batchLimit = value;
            return this;
        }

        /** First and longest wait between attempts to reach an unreachable switch. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryInitial = initial;
            this.retryMax = max;
            return this;
        }

        /** The clock for ages and idle times (the system clock by default). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * The executor for switch calls, retries and the purge loop; not shut down by the
         * manager. By default the manager runs its own daemon threads and shuts them down.
         */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = value;
            return this;
        }

        /** Asked about every request; a reason refuses it (e.g. {@code never_shunt}). */
        public Builder requestFilter(RequestFilter value) {
            this.filter = Objects.requireNonNull(value, "requestFilter");
            return this;
        }

        /** The manager, not yet started. */
        public ACLManager build() {
            Settings settings = new Settings(eos, twoTupleHosts, seqMin, seqMax, maxRules, purgeInterval,
                    hardTimeout, maxRequestAge, queueLimit, batchLimit, retryInitial, retryMax, clock, filter,
                    checkLayout, repairLayout);
            if (scheduler != null) {
                return new ACLManager(settings, scheduler, false);
            }
            return new ACLManager(settings, Executors.newScheduledThreadPool(2, DaemonThreads.named("dumbno-manager")), true);
        }
    }
}
