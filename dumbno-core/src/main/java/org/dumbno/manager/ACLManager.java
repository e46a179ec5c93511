package org.dumbno.manager;

import inet.ipaddr.IPAddress;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.internal.DaemonThreads;
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
 * <p>Sequence numbers are odd, strictly between {@code seq_min} and {@code seq_max}, chosen by the
 * {@link SequenceAllocation} (round-robin after the last one used by default); lines outside that
 * range are never touched. At {@code max_rules}, a request for a new rule is refused, or, with
 * {@link WhenFull#EVICT}, the least active shunt makes room for it. When another writer took a
 * number meanwhile (the switch refuses the line as taken:
 * {@link org.dumbno.acl.EntryWriteException#isSequenceTaken()}), the engine reads the switch again
 * and places the rule anew, up to three times per rule.
 */
public final class ACLManager implements Shunter, Closeable {
    private final Engine engine;
    private final boolean ownsScheduler;

    private ACLManager(Engine engine, boolean ownsScheduler) {
        this.engine = engine;
        this.ownsScheduler = ownsScheduler;
    }

    /** A builder; a switch ({@link Builder#aclSwitch}) is required. */
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
        engine.start();
    }

    /**
     * {@link #start()} could not read the switch: the outage is noted (requests made meanwhile
     * wait for a later {@code start()}, up to the maximum request age) and requests that waited
     * longer are refused. Call it after each failed start; it does nothing once started or closed.
     */
    public void startFailed(SwitchException cause) {
        engine.startFailed(Objects.requireNonNull(cause, "cause"));
    }

    /**
     * Asks for a request's flow to be shunted; see {@link Shunter#add}. Requests made before
     * {@link #start()} wait for it.
     */
    @Override
    public CompletableFuture<ShuntOutcome> add(Request request) {
        return engine.add(Objects.requireNonNull(request, "request"), null, new CompletableFuture<>());
    }

    /**
     * {@link #add}, with the request's rule already built for several engines (null: build it
     * here), completing {@code future}.
     */
    CompletableFuture<ShuntOutcome> add(Request request, JudgedRule judged, CompletableFuture<ShuntOutcome> future) {
        return engine.add(request, judged, future);
    }

    /**
     * Asks for a request's shunt to be taken away: its rule (as {@link #add} would have written it)
     * is removed from every list of its family, under whatever number it stands, and the switch is
     * read again to see it gone. The future completes {@link ShuntOutcome.Status#REMOVED} (logged
     * {@code op=REMOVE ... reason=request}, heard by listeners as {@link RemovalReason#REQUEST}),
     * {@link ShuntOutcome.Status#NOT_PRESENT} when no list had it, or refused (the switch could not
     * be read or refused the change), never exceptionally. Requests for the same rule still
     * waiting to be written, or waiting for a read to confirm them, are withdrawn and refused (the
     * later request wins: the rule is not written back after its removal); an unreachable switch refuses the removal
     * at once rather than queueing it.
     */
    @Override
    public CompletableFuture<ShuntOutcome> remove(Request request) {
        return engine.remove(Objects.requireNonNull(request, "request"), null, new CompletableFuture<>());
    }

    /**
     * {@link #remove}, with the request's rule already built for several engines (null: build it
     * here), completing {@code future}.
     */
    CompletableFuture<ShuntOutcome> remove(Request request, JudgedRule judged,
            CompletableFuture<ShuntOutcome> future) {
        return engine.remove(request, judged, future);
    }

    /** The hosts whose flows this engine shunts by address pair only ({@code two_tuple_hosts}). */
    Set<IPAddress> twoTupleHosts() {
        return engine.twoTupleHosts();
    }

    /**
     * Runs one expiry sweep now: one read, then one call removing idle and timed-out lines.
     *
     * @throws SwitchException the switch could not be read or the removal failed
     */
    public PurgeReport purge() throws SwitchException {
        return engine.purge();
    }

    /** Registers a listener for adds, removals and refusals (or give it to {@link Builder#listener}). */
    public void addListener(ShuntListener listener) {
        engine.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** The shunts on the switch as last read or written, by sequence number. */
    public List<ActiveShunt> active() {
        return engine.active();
    }

    /**
     * The layout of the switch as the last read showed it (every read of the lists carries it:
     * start, sweeps, confirming reads); empty before {@link #start()} has read the switch.
     */
    public Optional<LayoutReport> layout() {
        return engine.layout();
    }

    /** Whether {@link #start()} has read the switch. */
    public boolean started() {
        return engine.isStarted();
    }

    /** Since when the switch has not answered the engine; empty while it answers. */
    public Optional<Instant> unreachableSince() {
        return engine.unreachableSince();
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
        return engine.expireAt(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(deadline, "deadline"));
    }

    /** Whether a list of the switch holds {@code rule}, as the last read or write showed. */
    boolean holds(Rule rule) {
        return engine.holds(rule);
    }

    /**
     * Shunts the engine takes at most: {@code max_rules}, or, when that is 0, the odd numbers of the
     * sequence range.
     */
    public int capacity() {
        return engine.capacity();
    }

    /** Requests waiting for the switch: queued or waiting for a confirming read, not yet answered. */
    public int queueDepth() {
        return engine.queueDepth();
    }

    /**
     * The engine's loops that stopped making progress, each with why it counts as stalled: the
     * purge loop that got through no sweep for three purge intervals, the write lane that wrote
     * no batch for three retry backoff limits while requests wait. Empty while all is well.
     */
    public List<String> stalls() {
        return engine.stalls();
    }

    /**
     * Applies what a configuration read again may change: the purge interval (the next sweep comes
     * one new interval from now), the hard timeout (from the next sweep on), the most active
     * shunts and what a request meets when they are reached (from the next request on; shunts
     * beyond a lowered limit stay until they expire).
     *
     * @throws IllegalArgumentException a value is out of range; nothing changed then
     */
    public void reconfigure(Duration purgeInterval, Duration hardTimeout, int maxRules, WhenFull whenFull) {
        engine.reconfigure(purgeInterval, hardTimeout, maxRules, Objects.requireNonNull(whenFull, "whenFull"));
    }

    /** As {@link #reconfigure(Duration, Duration, int, WhenFull)}, keeping {@code when_full}. */
    public void reconfigure(Duration purgeInterval, Duration hardTimeout, int maxRules) {
        engine.reconfigure(purgeInterval, hardTimeout, maxRules, null);
    }

    /** Stops, giving the queue up to {@link Builder#DEFAULT_CLOSE_TIMEOUT} to be written; see {@link #close(Duration)}. */
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
        engine.close(Objects.requireNonNull(timeout, "timeout"), ownsScheduler);
    }

    /**
     * Refuses every request still waiting with {@code dumbno is shutting down}, at once, without
     * waiting for a switch call in flight: for a {@link #close(Duration)} that ran out of time on a
     * call that does not end; the requests of that call too (should it still write their lines,
     * they are on the switch, and expire as any idle shunt).
     */
    public void abandonWaiting() {
        engine.abandonWaiting();
    }

    @Override
    public String toString() {
        return "ACLManager[" + engine.eos().describe() + "]";
    }

    /**
     * Builds an {@link ACLManager}; every setting but the switch has a default. The defaults are
     * declared here, and the configuration file's ({@code [dumbno]}) are these.
     */
    public static final class Builder {
        /** Default lowest managed sequence number (exclusive). */
        public static final int DEFAULT_SEQ_MIN = 500;
        /** Default highest managed sequence number (exclusive). */
        public static final int DEFAULT_SEQ_MAX = 100_000;
        /** Default time between expiry sweeps. */
        public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofSeconds(30);
        /** Default longest wait of a request for an unreachable switch. */
        public static final Duration DEFAULT_MAX_REQUEST_AGE = Duration.ofMinutes(5);
        /** Default most requests waiting. */
        public static final int DEFAULT_QUEUE_LIMIT = 100_000;
        /** Default most rules written in one call. */
        public static final int DEFAULT_BATCH_LIMIT = 2_000;
        /**
         * Threads of the scheduler a manager makes itself: its write lane, the confirming reads
         * beside it, and the purge loop.
         */
        public static final int DEFAULT_THREADS = 3;
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
        private SequenceAllocation allocation = SequenceAllocation.roundRobin();
        private WhenFull whenFull = WhenFull.REFUSE;
        private final List<ShuntListener> listeners = new ArrayList<>();

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
         * The switch and its managed lists: an Arista switch ({@code EosSwitch.of(transport, ports)}
         * in {@code org.dumbno.eos}), the dummy switch, or any other implementation. The manager
         * does not close it.
         */
        public Builder aclSwitch(AclSwitch value) {
            this.eos = value;
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

        /**
         * What a request for a new rule meets once {@link #maxRules} shunts stand:
         * {@link WhenFull#REFUSE} (the default) or {@link WhenFull#EVICT}.
         */
        public Builder whenFull(WhenFull value) {
            this.whenFull = Objects.requireNonNull(value, "whenFull");
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
         * manager. By default the manager runs its own three daemon threads (the write lane, the
         * confirming reads beside it, and the purge loop) and shuts them down. With fewer threads,
         * repeats whose read waits for a free one are read for by the write lane between its writes.
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

        /**
         * How the number of each new shunt is chosen among the free ones of the range;
         * {@link SequenceAllocation#roundRobin()} by default.
         */
        public Builder sequenceAllocation(SequenceAllocation value) {
            this.allocation = Objects.requireNonNull(value, "sequence allocation");
            return this;
        }

        /** Registers a listener from the start, so it hears what the first read of the switch finds. */
        public Builder listener(ShuntListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** The manager, not yet started. */
        public ACLManager build() {
            Settings settings = new Settings(eos, twoTupleHosts, seqMin, seqMax, maxRules, purgeInterval,
                    hardTimeout, maxRequestAge, queueLimit, batchLimit, retryInitial, retryMax, clock, filter,
                    checkLayout, repairLayout, allocation, whenFull);
            boolean owned = scheduler == null;
            ScheduledExecutorService executor = owned
                    ? Executors.newScheduledThreadPool(DEFAULT_THREADS, DaemonThreads.named("dumbno-manager")) : scheduler;
            return new ACLManager(new Engine(settings, executor, listeners), owned);
        }
    }
}
