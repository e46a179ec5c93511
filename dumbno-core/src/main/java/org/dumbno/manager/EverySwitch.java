package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.dumbno.acl.AclKey;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.Loops;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several switches as one {@link Shunter}: every request goes to every switch's engine, each with
 * its own sequence numbers, batching, outage queue and sweep, so one switch's outage or slowness
 * never delays another's writes. A request is answered {@code ok} when every switch holds its rule;
 * otherwise {@code error: NAME: reason}, the switches that failed named, those failing alike
 * grouped ({@code error: edge2, edge3: unreachable, queued there}). When every switch refuses a
 * request for one reason (an invalid request, {@code never_shunt}, shutting down) the reply is
 * that reason alone, as from one switch.
 *
 * <p>The reply does not wait for a switch the engine of which is in an outage (or has not reached
 * its switch yet): as soon as the other switches are done, the request is answered with that
 * switch named {@code unreachable, queued there}, while its engine keeps the install queued; it
 * lands when the switch answers again, within {@code max_request_age}. Outages are looked for when
 * a request arrives and then every {@link #DEFAULT_WATCH} while requests wait.
 *
 * <p>Removals go to every switch alike, answered {@code ok} when the rule is on none of them. An
 * engine refuses a removal at once when its switch cannot be reached, so removals are not queued.
 *
 * <p>The combined reply is completed on this class's own thread (the watch's), not on the thread
 * of whichever engine answered last: that engine is the slowest for the request, and whoever
 * completes the reply also runs what waits on it (the UDP server sends the datagram), so the
 * slowest switch's write lane would carry every reply and fall further behind.
 *
 * <p>With one switch, requests and replies pass straight through its engine, exactly as without
 * this class.
 */
public final class EverySwitch implements Shunter, Closeable {
    /** The switch's name when there is one and nobody names it (the configuration's first switch). */
    public static final String DEFAULT_NAME = "main";
    /** What {@link #isName} accepts, as a message says it. */
    public static final String NAME_RULE = "a letter, then letters, digits, _ - . ; at most 64";
    /**
     * The logging context key under which a daemon of several switches puts the switch's name on its
     * engine's threads; a log line then starts {@code switch=NAME}, so no line of it says {@code switch=}
     * itself.
     */
    public static final String LOG_KEY = "switch";
    /** How often waiting requests are checked against switches that went away meanwhile. */
    public static final Duration DEFAULT_WATCH = Duration.ofMillis(100);
    /** How long {@link #close()} lets the replies already due be sent. */
    private static final Duration REPLIES_AT_CLOSE = Duration.ofSeconds(2);
    /** What a reply says of a switch that did not answer in time: its engine keeps the rule queued. */
    static final String QUEUED = "unreachable, queued there";
    /** What a {@link Gathering} holds for a switch that went away before it answered. */
    private static final ShuntOutcome AWAY = ShuntOutcome.refused(null, QUEUED);
    private static final Logger LOG = LoggerFactory.getLogger(EverySwitch.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private final List<Member> members;
    private final Set<Gathering> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ScheduledFuture<?> watch;

    /** One switch's engine under the name replies, logs and metrics give it. */
    public record Member(String name, ACLManager manager) {
        /** Checks the name as the configuration does. */
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(manager, "manager");
            if (!isName(name)) {
                throw new IllegalArgumentException("switch name (" + name + ") must be " + NAME_RULE);
            }
        }

        /** Whether the engine waits for its switch: not reached yet, or unreachable since its last call. */
        boolean away() {
            return !manager.started() || manager.unreachableSince().isPresent();
        }
    }

    private EverySwitch(List<Member> members, ScheduledExecutorService scheduler, boolean ownsScheduler,
            Duration every) {
        this.members = members;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.watch = members.size() == 1 ? null : scheduler.scheduleWithFixedDelay(this::watchQuietly,
                every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The engines of {@code members}; several are watched every {@link #DEFAULT_WATCH} on a daemon
     * thread of their own, which {@link #close()} ends.
     */
    public static EverySwitch of(List<Member> members) {
        List<Member> copy = checked(members);
        ScheduledExecutorService own = copy.size() == 1 ? null
                : Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dumbno-every-switch"));
        return new EverySwitch(copy, own, own != null, DEFAULT_WATCH);
    }

    /** The engines of {@code members}, watched every {@code every} on {@code scheduler} (not shut down here). */
    public static EverySwitch of(List<Member> members, ScheduledExecutorService scheduler, Duration every) {
        Objects.requireNonNull(scheduler, "scheduler");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("watch interval (" + every + ") must be positive");
        }
        return new EverySwitch(checked(members), scheduler, false, every);
    }

    /** One switch: its engine, under {@value #DEFAULT_NAME}. */
    public static EverySwitch of(ACLManager manager) {
        return of(List.of(new Member(DEFAULT_NAME, manager)));
    }

    /**
     * Whether {@code name} may name a switch ({@value #NAME_RULE}): the name replies, log lines and
     * the metrics label {@code switch} show.
     */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    private static List<Member> checked(List<Member> members) {
        List<Member> copy = List.copyOf(members);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no switch");
        }
        Set<String> names = new HashSet<>();
        for (Member member : copy) {
            if (!names.add(member.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two switches named " + member.name());
            }
        }
        return copy;
    }

    /** The switches, in order. */
    public List<Member> members() {
        return members;
    }

    /** Asks every switch for {@code request}'s shunt; see the class description for the reply. */
    @Override
    public CompletableFuture<ShuntOutcome> add(Request request) {
        Objects.requireNonNull(request, "request");
        if (members.size() == 1) {
            return members.get(0).manager().add(request);
        }
        JudgedRule judged = judged(request);
        return gather(true, (manager, slot) -> manager.add(request, judged, slot));
    }

    /** Takes {@code request}'s shunt off every switch; see the class description for the reply. */
    @Override
    public CompletableFuture<ShuntOutcome> remove(Request request) {
        Objects.requireNonNull(request, "request");
        if (members.size() == 1) {
            return members.get(0).manager().remove(request);
        }
        JudgedRule judged = judged(request);
        return gather(false, (manager, slot) -> manager.remove(request, judged, slot));
    }

    /**
     * The request's rule, built once for every engine (each takes it only when it shunts the same
     * two-tuple hosts), or null when the request has none: each engine then refuses it itself.
     */
    private JudgedRule judged(Request request) {
        return JudgedRule.of(request, members.get(0).manager().twoTupleHosts());
    }

    /**
     * Asks every switch's engine with {@code ask}, giving it the {@link Slot} to complete, and
     * gathers the outcomes into one reply; for an install, a switch that is away is not waited for.
     */
    private CompletableFuture<ShuntOutcome> gather(boolean install,
            BiConsumer<ACLManager, CompletableFuture<ShuntOutcome>> ask) {
        Gathering gathering = new Gathering(install);
        waiting.add(gathering);
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            ask.accept(member.manager(), new Slot(gathering, i));
            if (member.away()) {
                gathering.away(i);
            }
        }
        return gathering.reply;
    }

    /**
     * Gives the shunt of {@code rule} a deadline on every switch that holds it; see
     * {@link ACLManager#expireAt}. Whether any switch holds it.
     */
    public boolean expireAt(Rule rule, Instant deadline) {
        boolean any = false;
        for (Member member : members) {
            any |= member.manager().expireAt(rule, deadline);
        }
        return any;
    }

    /**
     * Registers {@code listener} with every switch's engine: it hears each switch's events, except
     * that a shunt's removal is heard once, when the shunt has left every switch (a flow crossing
     * one switch only goes idle on the others first). A listener counting per switch registers with
     * each engine itself.
     */
    public void addListener(ShuntListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (members.size() == 1) {
            members.get(0).manager().addListener(listener);
            return;
        }
        members.forEach(member -> member.manager().addListener(new LastRemoval(member, listener)));
    }

    /** One round of the watch: requests waiting for a switch that went away are answered without it. */
    private void watchQuietly() {
        try {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).away()) {
                    for (Gathering gathering : waiting) {
                        gathering.away(i);
                    }
                }
            }
        } catch (Throwable t) {
            Loops.failed(LOG, "switch watch", t);
        }
    }

    /**
     * Stops watching; a reply already due but not yet given is given, and requests still waiting
     * (their engines closed without answering) are refused {@code dumbno is shutting down}. Close
     * the engines first. Idempotent.
     */
    @Override
    public void close() {
        if (watch != null) {
            watch.cancel(false);
        }
        if (ownsScheduler) {
            // not shutdownNow: the thread may be sending a reply, and an interrupt would close the
            // server's channel under it; the replies already due are sent before it ends
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(REPLIES_AT_CLOSE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("replies still being sent after {}; giving the rest here", REPLIES_AT_CLOSE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a reply already due but not yet given (a scheduler not ours may never run it) is given
        // here, as combined; the others are refused
        for (Gathering gathering : List.copyOf(waiting)) {
            ShuntOutcome due = gathering.due;
            gathering.reply.complete(due != null ? due : ShuntOutcome.refused(null, "dumbno is shutting down"));
            waiting.remove(gathering);
        }
    }

    @Override
    public String toString() {
        return "EverySwitch" + members.stream().map(Member::name).toList();
    }

    /** Hands one switch's events on, a removal only once no other switch holds the shunt. */
    private final class LastRemoval implements ShuntListener {
        private final Member member;
        private final ShuntListener listener;

        LastRemoval(Member member, ShuntListener listener) {
            this.member = member;
            this.listener = listener;
        }

        @Override
        public void installed(Rule rule, long sequence) {
            listener.installed(rule, sequence);
        }

        @Override
        public void alreadyPresent(Rule rule, long sequence) {
            listener.alreadyPresent(rule, sequence);
        }

        @Override
        public void removed(RemovedShunt shunt) {
            Rule rule = shunt.rule();
            if (rule == null || members.stream().noneMatch(other -> other != member && other.manager().holds(rule))) {
                listener.removed(shunt);
            }
        }

        @Override
        public void refused(Request request, String reason) {
            listener.refused(request, reason);
        }

        @Override
        public void layoutRepaired(String change) {
            listener.layoutRepaired(change);
        }

        @Override
        public void expirySkipped(AclKey acl, int entries, String reason) {
            listener.expirySkipped(acl, entries, reason);
        }
    }

    /**
     * One switch's answer to a request, settling the request's {@link Gathering} as it completes:
     * an engine answers thousands of requests a second, each once per switch, so the answer is
     * gathered without a dependent stage and its callback per switch.
     */
    private static final class Slot extends CompletableFuture<ShuntOutcome> {
        private final Gathering gathering;
        private final int index;

        Slot(Gathering gathering, int index) {
            this.gathering = gathering;
            this.index = index;
        }

        @Override
        public boolean complete(ShuntOutcome outcome) {
            boolean first = super.complete(outcome);
            if (first) {
                gathering.settle(index, outcome);
            }
            return first;
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            boolean first = super.completeExceptionally(failure);
            if (first) {
                gathering.settle(index, null);
            }
            return first;
        }
    }

    /**
     * One request's outcomes, switch by switch, until each switch answered or went away. A slot is
     * claimed under the gathering's own monitor, which each switch takes once per request: the
     * engines answer at about the same moment, but seldom for the same request at the same
     * instant, and an atomic array costs more (the launcher's client compiler checks each access
     * through a method handle).
     */
    private final class Gathering {
        final CompletableFuture<ShuntOutcome> reply = new CompletableFuture<>();
        private final boolean install;
        /** Each switch's outcome, {@link #AWAY} when it went away first, null while it is awaited. */
        @GuardedBy("this")
        private final ShuntOutcome[] outcomes = new ShuntOutcome[members.size()];
        /** The switches awaited. */
        @GuardedBy("this")
        private int open = members.size();
        /** The combined reply once every switch answered or went away, until it is given; else null. */
        volatile ShuntOutcome due;

        Gathering(boolean install) {
            this.install = install;
        }

        void settle(int index, ShuntOutcome outcome) {
            ShuntOutcome shown = outcome != null ? outcome : ShuntOutcome.refused(null, "internal error");
            finishIf(record(index, shown));
        }

        /** The switch went away: the reply no longer waits for it. Only installs wait in a queue. */
        void away(int index) {
            if (install) {
                finishIf(record(index, AWAY));
            }
        }

        /** Whether this was the last switch awaited; false when the switch had its slot already. */
        private synchronized boolean record(int index, ShuntOutcome outcome) {
            if (outcomes[index] != null) {
                return false;
            }
            outcomes[index] = outcome;
            open--;
            return open == 0;
        }

        private void finishIf(boolean last) {
            if (last) {
                // stays waiting until given, so that close() gives it should the scheduler not
                due = combined();
                try {
                    scheduler.execute(this::give);
                } catch (RejectedExecutionException e) {
                    give();
                }
            }
        }

        private void give() {
            reply.complete(due);
            waiting.remove(this);
        }

        private synchronized ShuntOutcome combined() {
            ShuntOutcome agreed = allOk();
            return agreed != null ? agreed : failed();
        }

        /** The reply when every switch answered and none refused, else null. */
        private ShuntOutcome allOk() {
            ShuntOutcome first = null;
            ShuntOutcome changed = null;
            for (int i = 0; i < outcomes.length; i++) {
                ShuntOutcome outcome = outcomes[i];
                if (outcome == AWAY || !outcome.ok()) {
                    return null;
                }
                first = first == null ? outcome : first;
                boolean changes = outcome.status() == ShuntOutcome.Status.INSTALLED
                        || outcome.status() == ShuntOutcome.Status.REMOVED;
                changed = changed == null && changes ? outcome : changed;
            }
            return changed != null ? changed : first;
        }

        /** The refusal naming each switch that refused or is away, with its reason. */
        private ShuntOutcome failed() {
            Rule rule = null;
            boolean anyOk = false;
            Map<String, List<String>> failures = new LinkedHashMap<>();
            boolean anyAway = false;
            for (int i = 0; i < outcomes.length; i++) {
                ShuntOutcome outcome = outcomes[i];
                if (outcome == AWAY) {
                    anyAway = true;
                    failures.computeIfAbsent(QUEUED, r -> new ArrayList<>()).add(members.get(i).name());
                    continue;
                }
                rule = rule == null ? outcome.rule() : rule;
                if (!outcome.ok()) {
                    failures.computeIfAbsent(outcome.reason(), r -> new ArrayList<>()).add(members.get(i).name());
                } else {
                    anyOk = true;
                }
            }
            if (!anyAway && failures.size() == 1 && !anyOk) {
                return ShuntOutcome.refused(rule, failures.keySet().iterator().next());
            }
            List<String> parts = new ArrayList<>();
            failures.forEach((reason, names) -> parts.add(String.join(", ", names) + ": " + reason));
            return ShuntOutcome.refused(rule, String.join("; ", parts));
        }
    }
}
