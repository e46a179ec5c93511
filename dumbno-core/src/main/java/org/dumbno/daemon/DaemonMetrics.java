package org.dumbno.daemon;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
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
import org.dumbno.manager.ACLManager;
import org.dumbno.metrics.DumbnoMetrics;
import org.dumbno.metrics.Health;
import org.dumbno.metrics.MetricsServer;
import org.dumbno.server.UdpServer;
import org.dumbno.zeek.ZeekBridge;

/**
 * The daemon's metrics, when {@code [dumbno] metrics_listen} is set: the switch calls are metered
 * from the start, the engine, server and security checks are followed once they run, the interface
 * counters are polled every {@code purge_interval} on a thread of its own, and {@code /metrics} is
 * served on {@code metrics_listen}.
 */
final class DaemonMetrics implements Closeable {
    private final DumbnoMetrics metrics = new DumbnoMetrics(new PrometheusRegistry());
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dumbno-metrics-poll"));
    private MetricsServer server;

    /** {@code transport}, metered. */
    Transport wrap(Transport transport) {
        return metrics.wrap(transport);
    }

    /** {@code aclSwitch}, telling whether it is up; for a switch without an eAPI transport. */
    AclSwitch wrap(AclSwitch aclSwitch) {
        return metrics.wrap(aclSwitch);
    }

    /** Follows the started parts, starts the bandwidth poll and serves {@code /metrics}. */
    void start(InetSocketAddress listen, DumbnoConfig config, AclSwitch eos, ACLManager manager,
            UdpServer udp, Supplier<Map<String, Long>> refusals, ZeekBridge zeek, Clock clock, Health health)
            throws IOException {
        metrics.attach(manager);
        metrics.attachQueueDepth(manager::queueDepth);
        metrics.attachServer(udp::stats);
        metrics.attachSecurity(refusals);
        if (zeek != null) {
            metrics.attachZeek(zeek::stats);
        }
        metrics.attachHealth(health);
        metrics.startBandwidthPoll(eos, config.ports(), config.egressPorts(), config.dumbno().purgeInterval(),
                poller, clock);
        server = MetricsServer.start(listen, metrics.registry(), health, manager::active);
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
