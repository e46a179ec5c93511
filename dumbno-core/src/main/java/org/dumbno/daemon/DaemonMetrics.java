package org.dumbno.daemon;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.dumbno.acl.AclSwitch;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.eos.Transport;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.manager.ActiveShunt;
import org.dumbno.manager.EverySwitch;
import org.dumbno.metrics.DumbnoMetrics;
import org.dumbno.metrics.Health;
import org.dumbno.metrics.MetricsServer;
import org.dumbno.server.UdpServer;
import org.dumbno.zeek.ZeekBridge;

/**
 * The daemon's metrics, when {@code [dumbno] metrics_listen} is set: each switch's calls are metered
 * from the start, the engines, server and security checks are followed once they run, each
 * switch's interface counters are polled every {@code purge_interval} on a thread of their own, and
 * {@code /metrics} is served on {@code metrics_listen}. Switch series carry the label {@code switch}.
 */
final class DaemonMetrics implements Closeable {
    private final DumbnoMetrics metrics = new DumbnoMetrics(new PrometheusRegistry());
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dumbno-metrics-poll"));
    private MetricsServer server;

    /** {@code transport} of switch {@code name}, metered. */
    Transport wrap(String name, Transport transport) {
        return metrics.wrap(name, transport);
    }

    /** {@code aclSwitch}, switch {@code name}, telling whether it is up; for a switch without an eAPI transport. */
    AclSwitch wrap(String name, AclSwitch aclSwitch) {
        return metrics.wrap(name, aclSwitch);
    }

    /** Follows the started parts, starts each switch's bandwidth poll and serves {@code /metrics}. */
    void start(InetSocketAddress listen, DumbnoConfig config, List<SwitchPart> switches, EverySwitch every,
            UdpServer udp, Supplier<Map<String, Long>> refusals, ZeekBridge zeek, Clock clock, Health health)
            throws IOException {
        metrics.attach(every);
        metrics.attachServer(udp::stats);
        metrics.attachSecurity(refusals);
        if (zeek != null) {
            metrics.attachZeek(zeek::stats);
        }
        metrics.attachHealth(health);
        for (SwitchPart part : switches) {
            metrics.startBandwidthPoll(part.name(), part.acl, part.config.ports(), part.config.egressPorts(),
                    config.dumbno().purgeInterval(), poller, clock);
        }
        server = MetricsServer.start(listen, metrics.registry(), health, () -> shuntsBySwitch(every));
    }

    /** Each switch's shunts, by name in the configuration's order, for {@code /-/shunts}. */
    private static Map<String, List<ActiveShunt>> shuntsBySwitch(EverySwitch every) {
        Map<String, List<ActiveShunt>> bySwitch = new LinkedHashMap<>();
        every.members().forEach(member -> bySwitch.put(member.name(), member.manager().active()));
        return bySwitch;
    }

    /** The bandwidth polls that stalled. */
    List<String> stalls() {
        return metrics.stalls();
    }

    /** Where {@code /metrics} is served, once started. */
    Optional<InetSocketAddress> address() {
        return Optional.ofNullable(server).map(MetricsServer::address);
    }

    /** Stops the poll and the HTTP server; idempotent. */
    @Override
    public void close() {
        metrics.close();
        poller.shutdownNow();
        if (server != null) {
            server.close();
        }
    }
}
