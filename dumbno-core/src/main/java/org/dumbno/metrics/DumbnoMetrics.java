package org.dumbno.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.dumbno.acl.AclSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.internal.LoopWatch;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.dumbno.manager.ShuntListener;
import org.dumbno.server.ServerStats;
import org.dumbno.zeek.ZeekStats;

/**
 * Every dumbno metric, defined in one {@link PrometheusRegistry} (pass a registry of your own, not
 * the library's default, so that two instances never collide) and fed by the parts it is attached
 * to. Metrics that follow the engine and the switch exist from construction, at zero; the others
 * appear when their source is attached. Each {@code attach…} and
 * {@link #startBandwidthPoll} may be called once per instance.
 *
 * <table>
 * <caption>Metrics</caption>
 * <tr><td>{@code dumbno_requests_total{result=ok|error|denied|rate_limited}}</td>
 *     <td>{@link #attachServer}, split as {@link RequestResults} says</td></tr>
 * <tr><td>{@code dumbno_refusals_total{reason}}</td><td>{@link #attachSecurity}</td></tr>
 * <tr><td>{@code dumbno_rules_active{switch}}, {@code dumbno_rules_max{switch}},
 *     {@code dumbno_layout_ok{switch}}, {@code dumbno_queue_depth{switch}}</td>
 *     <td>{@link #attach(EverySwitch)}</td></tr>
 * <tr><td>{@code dumbno_rule_installs_total{switch}}, {@code dumbno_rule_removals_total{switch,reason}},
 *     {@code dumbno_rule_failures_total{switch}}, {@code dumbno_layout_repairs_total{switch}},
 *     {@code dumbno_expiry_skipped_total{switch}}</td><td>{@link #listener(String)}</td></tr>
 * <tr><td>{@code dumbno_eapi_calls_total{switch,result}}, {@code dumbno_eapi_call_duration_seconds{switch}},
 *     {@code dumbno_switch_up{switch}}</td><td>{@link #wrap(String, Transport)}; {@code dumbno_switch_up}
 *     alone: {@link #wrap(String, AclSwitch)}</td></tr>
 * <tr><td>{@code dumbno_zeek_connected}, {@code dumbno_zeek_events_received_total{event}},
 *     {@code dumbno_zeek_events_sent_total{event}}</td><td>{@link #attachZeek}</td></tr>
 * <tr><td>{@code dumbno_loops_stalled}</td><td>{@link #attachHealth}</td></tr>
 * <tr><td>{@code dumbno_ingress_bytes_total{switch}}, {@code dumbno_egress_bytes_total{switch}}</td>
 *     <td>{@link #startBandwidthPoll}</td></tr>
 * <tr><td>{@code dumbno_build_info{version,revision}}, the client's {@code jvm_*} and
 *     {@code process_*} metrics</td><td>from construction</td></tr>
 * </table>
 *
 * <p>The label {@code switch} is the switch's name: {@code [switch] name} ({@code main} unless set)
 * for the first, NAME for a {@code [switch NAME]}. The methods without a name are for one switch
 * under {@value EverySwitch#DEFAULT_NAME}.
 */
public final class DumbnoMetrics implements Closeable {
    /** The label naming the switch a series is of. */
    public static final String SWITCH = "switch";
    private static final double[] CALL_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry;
    private final LongSupplier nanoTime;
    private final Counter eapiCalls;
    private final Histogram eapiDurations;
    private final Gauge switchUp;
    private final Counter installs;
    private final Counter removals;
    private final Counter failures;
    private final Counter repairs;
    private final Counter skipped;
    private Counter ingressBytes;
    private Counter egressBytes;
    private final RequestResults requests = new RequestResults();
    private final List<ScheduledFuture<?>> polls = new CopyOnWriteArrayList<>();
    private final List<LoopWatch> watches = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile Supplier<Map<String, Long>> refusals = Map::of;

    /** The metrics, defined in {@code registry}. */
    public DumbnoMetrics(PrometheusRegistry registry) {
        this(registry, System::nanoTime);
    }

    DumbnoMetrics(PrometheusRegistry registry, LongSupplier nanoTime) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        eapiCalls = Counter.builder().name("dumbno_eapi_calls_total")
                .help("eAPI calls to the switch, by how they ended").labelNames(SWITCH, "result").register(registry);
        eapiDurations = Histogram.builder().name("dumbno_eapi_call_duration_seconds")
                .help("Time an eAPI call took, whatever its result").classicOnly()
                .classicUpperBounds(CALL_SECONDS).labelNames(SWITCH).register(registry);
        switchUp = Gauge.builder().name("dumbno_switch_up")
                .help("1 when the last call to the switch was answered with dumbno's credentials accepted, else 0")
                .labelNames(SWITCH).register(registry);
        BuildInfo build = BuildInfo.current();
        Info.builder().name("dumbno_build_info").help("The dumbno build: its version and the commit it was built from")
                .labelNames("version", "revision").register(registry).setLabelValues(build.version(), build.revision());
        JvmMetrics.builder().register(registry);
        installs = Counter.builder().name("dumbno_rule_installs_total")
                .help("Shunts written to the switch").labelNames(SWITCH).register(registry);
        removals = Counter.builder().name("dumbno_rule_removals_total")
                .help("Shunts removed, by reason").labelNames(SWITCH, "reason").register(registry);
        failures = Counter.builder().name("dumbno_rule_failures_total")
                .help("Requests the engine refused (invalid, protected, at capacity, switch refused)")
                .labelNames(SWITCH).register(registry);
        repairs = Counter.builder().name("dumbno_layout_repairs_total")
                .help("Changes made to put a drifted layout back (op=REPAIR)").labelNames(SWITCH).register(registry);
        skipped = Counter.builder().name("dumbno_expiry_skipped_total")
                .help("Shunts a sweep could not judge because their list's counters were off, stale"
                        + " or incomplete, each counted once until judged again").labelNames(SWITCH).register(registry);
    }

    /** The registry the metrics are defined in. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** {@code transport} of the one switch, counting and timing its calls; see {@link #wrap(String, Transport)}. */
    public Transport wrap(Transport transport) {
        return wrap(EverySwitch.DEFAULT_NAME, transport);
    }

    /** {@code transport} of switch {@code name}, counting and timing its calls; closing it closes {@code transport}. */
    public Transport wrap(String name, Transport transport) {
        for (CallResult result : CallResult.values()) {
            eapiCalls.labelValues(name, result.label());
        }
        eapiDurations.labelValues(name);
        switchUp.labelValues(name);
        return new MeteredTransport(transport, name, eapiCalls, eapiDurations, switchUp, nanoTime);
    }

    /** {@code aclSwitch} of the one switch, telling whether it is up; see {@link #wrap(String, AclSwitch)}. */
    public AclSwitch wrap(AclSwitch aclSwitch) {
        return wrap(EverySwitch.DEFAULT_NAME, aclSwitch);
    }

    /**
     * {@code aclSwitch}, switch {@code name}, telling from its calls whether it is up
     * ({@code dumbno_switch_up}), for a switch without an eAPI transport to
     * {@link #wrap(String, Transport) wrap} (the dummy, or one of a library user's); closing it
     * closes {@code aclSwitch}.
     */
    public AclSwitch wrap(String name, AclSwitch aclSwitch) {
        return new MeteredSwitch(aclSwitch, switchUp.labelValues(name));
    }

    /** The listener counting the one switch's installs, removals and failures; see {@link #listener(String)}. */
    public ShuntListener listener() {
        return listener(EverySwitch.DEFAULT_NAME);
    }

    /** A listener counting installs, removals and failures of switch {@code name}; register it with its engine. */
    public ShuntListener listener(String name) {
        return new ShuntCounters(Objects.requireNonNull(name, "name"), installs, removals, failures, repairs, skipped);
    }

    /** Follows one engine as switch {@value EverySwitch#DEFAULT_NAME}; see {@link #attach(EverySwitch)}. */
    public void attach(ACLManager manager) {
        attach(EverySwitch.of(Objects.requireNonNull(manager, "manager")));
    }

    /**
     * Registers a {@link #listener(String)} with every switch's engine and follows, switch by switch,
     * its active shunts, its capacity, the layout and the requests waiting for it.
     */
    public void attach(EverySwitch switches) {
        Objects.requireNonNull(switches, "switches");
        List<EverySwitch.Member> members = switches.members();
        members.forEach(member -> member.manager().addListener(listener(member.name())));
        perSwitch("dumbno_rules_active", "Shunts on the switch", members, manager -> manager.active().size());
        perSwitch("dumbno_rules_max",
                "Shunts the engine takes at most: max_rules, or the odd numbers of the sequence range when it is 0",
                members, ACLManager::capacity);
        perSwitch("dumbno_layout_ok", "1 when the last read of the switch showed the layout whole (lists, counters,"
                + " permits, bindings, default-result), else 0", members,
                manager -> manager.layout().map(report -> report.ok() ? 1 : 0).orElse(0));
        perSwitch("dumbno_queue_depth", "Requests waiting for the switch", members, ACLManager::queueDepth);
    }

    private void perSwitch(String name, String help, List<EverySwitch.Member> members,
            ToDoubleFunction<ACLManager> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(SWITCH)
                .callback(gauge -> members.forEach(member -> gauge.call(value.applyAsDouble(member.manager()),
                        member.name())))
                .register(registry);
    }

    /** Follows the server's answers as {@code dumbno_requests_total}. */
    public void attachServer(Supplier<ServerStats> stats) {
        Objects.requireNonNull(stats, "stats");
        CounterWithCallback.builder().name("dumbno_requests_total")
                .help("Requests answered, by result").labelNames("result")
                .callback(counter -> {
                    Map<String, Long> refused = refusals.get();
                    requests.counts(stats.get(), refused).forEach((label, count) -> counter.call(count, label));
                })
                .register(registry);
    }

    /**
     * Follows the security refusals by reason ({@code Security.refusals()}) as
     * {@code dumbno_refusals_total} and uses them to split {@code dumbno_requests_total}.
     */
    public void attachSecurity(Supplier<Map<String, Long>> refusalsByReason) {
        Objects.requireNonNull(refusalsByReason, "refusalsByReason");
        CounterWithCallback.builder().name("dumbno_refusals_total")
                .help("Requests refused by the security checks, by reason").labelNames("reason")
                .callback(counter -> refusalsByReason.get().forEach((reason, count) -> counter.call(count, reason)))
                .register(registry);
        this.refusals = refusalsByReason;
    }

    /** Follows how many of dumbno's loops {@code health} finds stalled, as {@code dumbno_loops_stalled}. */
    public void attachHealth(Health health) {
        Objects.requireNonNull(health, "health");
        GaugeWithCallback.builder().name("dumbno_loops_stalled")
                .help("dumbno's loops (write lane, sweeps, receive loop, bandwidth poll) that made no progress"
                        + " for three of their rounds; /-/healthy answers 503 while any does")
                .callback(gauge -> gauge.call(health.stalls().size())).register(registry);
    }

    /**
     * Follows the connection to Zeek: {@code dumbno_zeek_connected} (1 while connected and
     * subscribed, else 0) and the events received and sent, by fully qualified name.
     */
    public void attachZeek(Supplier<ZeekStats> stats) {
        Objects.requireNonNull(stats, "stats");
        GaugeWithCallback.builder().name("dumbno_zeek_connected")
                .help("1 while dumbno is connected to Zeek and subscribed, else 0")
                .callback(gauge -> gauge.call(stats.get().connected() ? 1 : 0)).register(registry);
        CounterWithCallback.builder().name("dumbno_zeek_events_received_total")
                .help("Events received from Zeek, by name").labelNames("event")
                .callback(counter -> stats.get().received().forEach((event, count) -> counter.call(count, event)))
                .register(registry);
        CounterWithCallback.builder().name("dumbno_zeek_events_sent_total")
                .help("Events sent to Zeek, by name").labelNames("event")
                .callback(counter -> stats.get().sent().forEach((event, count) -> counter.call(count, event)))
                .register(registry);
    }

    /**
     * Polls the interface counters of {@code eos} now and then every {@code interval} on
     * {@code scheduler}, and counts the bytes into the {@code ports} interfaces and out of the
     * {@code egress} interfaces. A failed poll is logged; the next one still runs. {@link #close()} or cancelling the returned future
     * stops it; the scheduler is not shut down.
     *
     * @param ports the {@code [ports]} map (ingress interface to ACL name)
     * @param egress the {@code [egress_ports]} map (tool-facing interface to label)
     */
    public ScheduledFuture<?> startBandwidthPoll(AclSwitch eos, Map<String, String> ports,
            Map<String, String> egress, Duration interval, ScheduledExecutorService scheduler, Clock clock) {
        return startBandwidthPoll(EverySwitch.DEFAULT_NAME, eos, ports, egress, interval, scheduler, clock);
    }

    /** As {@link #startBandwidthPoll(AclSwitch, Map, Map, Duration, ScheduledExecutorService, Clock)}, for switch {@code name}. */
    public ScheduledFuture<?> startBandwidthPoll(String name, AclSwitch eos, Map<String, String> ports,
            Map<String, String> egress, Duration interval, ScheduledExecutorService scheduler, Clock clock) {
        Objects.requireNonNull(eos, "eos");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("bandwidth poll interval (" + interval + ") must be positive");
        }
        BandwidthPoll poll = bandwidthPoll(name, eos, ports, egress);
        LoopWatch watch = LoopWatch.periodic(EverySwitch.DEFAULT_NAME.equals(name) ? "bandwidth poll"
                : "bandwidth poll of " + name, interval, clock);
        poll.watch(watch);
        watches.add(watch);
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(poll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        polls.add(future);
        return future;
    }

    BandwidthPoll bandwidthPoll(AclSwitch eos, Map<String, String> ports, Map<String, String> egress) {
        return bandwidthPoll(EverySwitch.DEFAULT_NAME, eos, ports, egress);
    }

    /** A poll of switch {@code name}'s interfaces; the byte counters are registered with the first. */
    synchronized BandwidthPoll bandwidthPoll(String name, AclSwitch eos, Map<String, String> ports,
            Map<String, String> egress) {
        if (ingressBytes == null) {
            ingressBytes = Counter.builder().name("dumbno_ingress_bytes_total")
                    .help("Bytes into the [ports] interfaces since polling began").labelNames(SWITCH).register(registry);
            egressBytes = Counter.builder().name("dumbno_egress_bytes_total")
                    .help("Bytes out of the [egress_ports] interfaces since polling began").labelNames(SWITCH)
                    .register(registry);
        }
        BandwidthPoll.Series series = new BandwidthPoll.Series(ingressBytes.labelValues(name),
                egressBytes.labelValues(name));
        return new BandwidthPoll(eos, ports.keySet(), egress.keySet(), series);
    }

    /** The bandwidth polls that stopped getting through their rounds; empty while all is well. */
    public List<String> stalls() {
        if (closed) {
            return List.of();
        }
        return watches.stream().flatMap(watch -> watch.stall().stream()).toList();
    }

    /** Stops the bandwidth polls; the metrics stay registered. Idempotent. */
    @Override
    public void close() {
        closed = true;
        polls.forEach(future -> future.cancel(false));
    }

    @Override
    public String toString() {
        return "DumbnoMetrics[" + polls.size() + " bandwidth polls]";
    }
}
