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
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.dumbno.acl.AclSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.internal.LoopWatch;
import org.dumbno.manager.ACLManager;
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
 * <tr><td>{@code dumbno_rules_active}</td><td>{@link #attach(ACLManager)}</td></tr>
 * <tr><td>{@code dumbno_rule_installs_total}, {@code dumbno_rule_removals_total{reason}},
 *     {@code dumbno_rule_failures_total}</td><td>{@link #listener()}</td></tr>
 * <tr><td>{@code dumbno_rules_max}, {@code dumbno_layout_ok}</td><td>{@link #attach(ACLManager)}</td></tr>
 * <tr><td>{@code dumbno_eapi_calls_total{result}}, {@code dumbno_eapi_call_duration_seconds},
 *     {@code dumbno_switch_up}</td><td>{@link #wrap(Transport)}; {@code dumbno_switch_up} alone:
 *     {@link #wrap(AclSwitch)}</td></tr>
 * <tr><td>{@code dumbno_queue_depth}</td><td>{@link #attachQueueDepth}</td></tr>
 * <tr><td>{@code dumbno_zeek_connected}, {@code dumbno_zeek_events_received_total{event}},
 *     {@code dumbno_zeek_events_sent_total{event}}</td><td>{@link #attachZeek}</td></tr>
 * <tr><td>{@code dumbno_loops_stalled}</td><td>{@link #attachHealth}</td></tr>
 * <tr><td>{@code dumbno_ingress_bytes_total}, {@code dumbno_egress_bytes_total}</td>
 *     <td>{@link #startBandwidthPoll}</td></tr>
 * <tr><td>{@code dumbno_build_info{version,revision}}, the client's {@code jvm_*} and
 *     {@code process_*} metrics</td><td>from construction</td></tr>
 * </table>
 */
public final class DumbnoMetrics implements Closeable {
    private static final double[] CALL_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry;
    private final LongSupplier nanoTime;
    private final Counter eapiCalls;
    private final Histogram eapiDurations;
    private final Gauge switchUp;
    private final ShuntCounters shunts;
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
                .help("eAPI calls to the switch, by how they ended").labelNames("result").register(registry);
        for (CallResult result : CallResult.values()) {
            eapiCalls.labelValues(result.label());
        }
        eapiDurations = Histogram.builder().name("dumbno_eapi_call_duration_seconds")
                .help("Time an eAPI call took, whatever its result").classicOnly()
                .classicUpperBounds(CALL_SECONDS).register(registry);
        switchUp = Gauge.builder().name("dumbno_switch_up")
                .help("1 when the last call to the switch was answered with dumbno's credentials accepted, else 0")
                .register(registry);
        BuildInfo build = BuildInfo.current();
        Info.builder().name("dumbno_build_info").help("The dumbno build: its version and the commit it was built from")
                .labelNames("version", "revision").register(registry).setLabelValues(build.version(), build.revision());
        JvmMetrics.builder().register(registry);
        shunts = new ShuntCounters(
                Counter.builder().name("dumbno_rule_installs_total")
                        .help("Shunts written to the switch").register(registry),
                Counter.builder().name("dumbno_rule_removals_total")
                        .help("Shunts removed, by reason").labelNames("reason").register(registry),
                Counter.builder().name("dumbno_rule_failures_total")
                        .help("Requests the engine refused (invalid, protected, at capacity, switch refused)")
                        .register(registry),
                Counter.builder().name("dumbno_layout_repairs_total")
                        .help("Changes made to put a drifted layout back (op=REPAIR)").register(registry),
                Counter.builder().name("dumbno_expiry_skipped_total")
                        .help("Shunts a sweep could not judge because their list's counters were off, stale"
                                + " or incomplete, each counted once until judged again").register(registry));
    }

    /** The registry the metrics are defined in. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** {@code transport}, counting and timing its calls; closing it closes {@code transport}. */
    public MeteredTransport wrap(Transport transport) {
        return new MeteredTransport(transport, eapiCalls, eapiDurations, switchUp, nanoTime);
    }

    /**
     * {@code aclSwitch}, telling from its calls whether it is up ({@code dumbno_switch_up}), for a
     * switch without an eAPI transport to {@link #wrap(Transport) wrap} (the dummy, or one of a
     * library user's); closing it closes {@code aclSwitch}.
     */
    public AclSwitch wrap(AclSwitch aclSwitch) {
        return new MeteredSwitch(aclSwitch, switchUp);
    }

    /** The listener counting installs, removals and failures; register it with an engine. */
    public ShuntListener listener() {
        return shunts;
    }

    /** Registers {@link #listener()} with {@code manager} and follows its active shunts, its capacity and the layout. */
    public void attach(ACLManager manager) {
        Objects.requireNonNull(manager, "manager");
        manager.addListener(shunts);
        GaugeWithCallback.builder().name("dumbno_rules_active").help("Shunts on the switch")
                .callback(gauge -> gauge.call(manager.active().size())).register(registry);
        GaugeWithCallback.builder().name("dumbno_rules_max")
                .help("Shunts the engine takes at most: max_rules, or the odd numbers of the sequence range when it is 0")
                .callback(gauge -> gauge.call(manager.capacity())).register(registry);
        GaugeWithCallback.builder().name("dumbno_layout_ok")
                .help("1 when the last read of the switch showed the layout whole (lists, counters, permits,"
                        + " bindings, default-result), else 0")
                .callback(gauge -> gauge.call(manager.layout().map(report -> report.ok() ? 1 : 0).orElse(0)))
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

    /** Follows the number of requests waiting for the switch ({@code ACLManager::queueDepth}). */
    public void attachQueueDepth(IntSupplier depth) {
        Objects.requireNonNull(depth, "depth");
        GaugeWithCallback.builder().name("dumbno_queue_depth").help("Requests waiting for the switch")
                .callback(gauge -> gauge.call(depth.getAsInt())).register(registry);
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
        Objects.requireNonNull(eos, "eos");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("bandwidth poll interval (" + interval + ") must be positive");
        }
        BandwidthPoll poll = bandwidthPoll(eos, ports, egress);
        LoopWatch watch = LoopWatch.periodic("bandwidth poll", interval, clock);
        poll.watch(watch);
        watches.add(watch);
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(poll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        polls.add(future);
        return future;
    }

    BandwidthPoll bandwidthPoll(AclSwitch eos, Map<String, String> ports, Map<String, String> egress) {
        BandwidthPoll.Series series = new BandwidthPoll.Series(
                Counter.builder().name("dumbno_ingress_bytes_total")
                        .help("Bytes into the [ports] interfaces since polling began").register(registry),
                Counter.builder().name("dumbno_egress_bytes_total")
                        .help("Bytes out of the [egress_ports] interfaces since polling began").register(registry));
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
