package org.dumbno.eos.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.dumbno.internal.Loops;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demonstration traffic for a {@link SimulatedSwitch}, so that its counters move as on a busy
 * sensor tap. Every tick (one second) it sends permitted background traffic of a few hundred
 * Mbit/s in through every ingress interface, and for every {@code deny} entry of an ACL bound on
 * them an "elephant" flow of about 1 Gbit/s that matches the entry, for a random lifetime of 20 to
 * 90 seconds from the tick that first saw the entry; then the flow stops and the entry goes idle.
 *
 * <p>Time comes from the clock and the ticks from the scheduler, both injected, so tests drive it
 * by hand. Not thread-safe by itself: the scheduler runs one tick at a time.
 */
public final class TrafficGenerator implements AutoCloseable {
    /** How often traffic is sent. */
    public static final Duration TICK = Duration.ofSeconds(1);
    /** The shortest an elephant flow lasts. */
    public static final Duration MIN_LIFETIME = Duration.ofSeconds(20);
    /** The longest an elephant flow lasts. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(90);
    static final long ELEPHANT_BITS_PER_SECOND = 1_000_000_000L;
    static final long BACKGROUND_MIN_BITS_PER_SECOND = 200_000_000L;
    static final long BACKGROUND_MAX_BITS_PER_SECOND = 400_000_000L;
    static final int PACKET_BYTES = 1_000;
    /** A tick late by more than this (a paused process) sends no more than this much. */
    private static final Duration MAX_STEP = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);

    private final SimulatedSwitch sw;
    private final List<String> ingress;
    private final Clock clock;
    private final FlowMaker flows;
    private final Map<DenyEntry, Elephant> elephants = new HashMap<>();
    private Instant lastTick;
    private ScheduledFuture<?> ticking;

    /**
     * A generator for {@code sw}, sending in through {@code ingress} (interfaces of the switch).
     *
     * @param random picks addresses, ports, rates and lifetimes; seed it for repeatable runs
     */
    public TrafficGenerator(SimulatedSwitch sw, List<String> ingress, Clock clock, RandomGenerator random) {
        this.sw = Objects.requireNonNull(sw, "switch");
        this.ingress = List.copyOf(ingress);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flows = new FlowMaker(Objects.requireNonNull(random, "random"));
        List<String> known = sw.interfaces();
        for (String name : this.ingress) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("interface (" + name + ") does not exist on " + sw.describe());
            }
        }
    }

    /** Ticks every {@link #TICK} on {@code scheduler}, the first one {@link #TICK} from now. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        if (ticking != null) {
            throw new IllegalStateException("traffic is already running");
        }
        long period = TICK.toMillis();
        ticking = scheduler.scheduleAtFixedRate(Loops.guarded(LOG, "simulated traffic", this::tick), period, period,
                TimeUnit.MILLISECONDS);
    }

    /** Stops ticking; the scheduler stays the caller's. */
    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** Elephant flows sending at the last tick. */
    public synchronized int activeElephants() {
        Instant now = clock.instant();
        return (int) elephants.values().stream().filter(e -> e.alive(now)).count();
    }

    /** Sends one tick's worth of traffic: what the time since the previous tick carries. */
    synchronized void tick() {
        Instant now = clock.instant();
        Duration step = lastTick == null ? TICK : Duration.between(lastTick, now);
        lastTick = now;
        if (step.isNegative() || step.isZero()) {
            return;
        }
        if (step.compareTo(MAX_STEP) > 0) {
            step = MAX_STEP;
        }
        Map<DenyEntry, List<String>> denies = denyEntries();
        background(step, denies.keySet());
        elephants(now, step, denies);
    }

    private void background(Duration step, Iterable<DenyEntry> denies) {
        for (String port : ingress) {
            long bits = flows.between(BACKGROUND_MIN_BITS_PER_SECOND, BACKGROUND_MAX_BITS_PER_SECOND);
            long bytes = bytes(bits, step);
            Flow flow = flows.background(Family.IP);
            if (deniedBy(flow, port, denies)) {
                sw.advanceCounters(port, bytes, 0);
                continue;
            }
            sw.send(port, flow, packets(bytes), bytes);
        }
    }

    private boolean deniedBy(Flow flow, String port, Iterable<DenyEntry> denies) {
        String acl = sw.boundAcls(port).get(flow.family());
        for (DenyEntry deny : denies) {
            if (deny.family == flow.family() && deny.acl.equals(acl) && deny.rule.matches(flow)) {
                return true;
            }
        }
        return false;
    }

    private void elephants(Instant now, Duration step, Map<DenyEntry, List<String>> denies) {
        elephants.keySet().retainAll(denies.keySet());
        denies.forEach((deny, ports) -> elephants.computeIfAbsent(deny, d -> newElephant(d, ports, now)));
        long bytes = bytes(ELEPHANT_BITS_PER_SECOND, step);
        for (Elephant elephant : elephants.values()) {
            if (elephant.alive(now)) {
                sw.send(elephant.port, elephant.flow, packets(bytes), bytes);
            }
        }
    }

    private Elephant newElephant(DenyEntry deny, List<String> ports, Instant now) {
        long spanMillis = MAX_LIFETIME.minus(MIN_LIFETIME).toMillis();
        Duration lifetime = MIN_LIFETIME.plusMillis(flows.between(0, spanMillis));
        Elephant elephant = new Elephant(flows.matching(deny.rule), flows.pick(ports), now.plus(lifetime));
        LOG.debug("simulated traffic: {} {} seq {} gets an elephant flow on {} for {}s",
                deny.family.keyword(), deny.acl, deny.sequence, elephant.port, lifetime.toSeconds());
        return elephant;
    }

    /** Every programmed deny entry of the ACLs bound on the ingress interfaces, with those interfaces. */
    private Map<DenyEntry, List<String>> denyEntries() {
        Map<DenyEntry, List<String>> denies = new LinkedHashMap<>();
        Map<List<Object>, List<SimulatedEntry>> entriesOf = new HashMap<>();
        for (String port : ingress) {
            sw.boundAcls(port).forEach((family, acl) -> {
                List<SimulatedEntry> entries = entriesOf.computeIfAbsent(List.of(family, acl),
                        key -> sw.entries(acl, family));
                for (SimulatedEntry entry : entries) {
                    if (entry.action() == SimulatedEntry.Action.DENY && entry.programmed()) {
                        denies.computeIfAbsent(new DenyEntry(family, acl, entry.sequence(), entry.rule()),
                                key -> new ArrayList<>()).add(port);
                    }
                }
            });
        }
        return denies;
    }

    private static long bytes(long bitsPerSecond, Duration step) {
        return bitsPerSecond / 8 * step.toMillis() / 1_000;
    }

    private static long packets(long bytes) {
        return Math.max(1, bytes / PACKET_BYTES);
    }

    /** One deny entry; a new entry under the same number is another one. */
    private record DenyEntry(Family family, String acl, long sequence, Rule rule) {
    }

    private record Elephant(Flow flow, String port, Instant until) {
        boolean alive(Instant now) {
            return now.isBefore(until);
        }
    }
}
