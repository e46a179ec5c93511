package org.dumbno.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.dumbno.manager.ActiveShunt;

/**
 * Serves a registry over HTTP: {@code GET /metrics} answers in the Prometheus text format (or
 * OpenMetrics or protobuf, when the scraper asks for them), {@code /-/healthy} and
 * {@code /-/ready} what a {@link Health} says, {@code /-/shunts} the engine's shunts and their rates. Runs on its own daemon threads, none of which one
 * exchange holds for more than a few seconds, so idle or slow connections never block a scrape.
 */
public final class MetricsServer implements Closeable {
    private final HTTPServer server;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MetricsServer(HTTPServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Binds {@code address} (an IP address; port 0 picks a free port) and starts serving
     * {@code registry}.
     *
     * @throws IOException the address cannot be bound
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry) throws IOException {
        return start(address, registry, new Health());
    }

    /**
     * Binds {@code address} (an IP address; port 0 picks a free port) and starts serving
     * {@code registry} and {@code health}.
     *
     * @throws IOException the address cannot be bound
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry, Health health)
            throws IOException {
        return start(address, registry, health, Map::of);
    }

    /**
     * Binds {@code address} (an IP address; port 0 picks a free port) and starts serving
     * {@code registry}, {@code health} and, on {@code /-/shunts}, the {@code shunts} of each switch's
     * engine, by switch name.
     *
     * @throws IOException the address cannot be bound
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry, Health health,
            Supplier<Map<String, List<ActiveShunt>>> shunts) throws IOException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(shunts, "shunts");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(registry, "registry");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("metrics address " + address + " must be an IP address");
        }
        DeadlineExecutor threads = new DeadlineExecutor(DeadlineExecutor.DEADLINE);
        HTTPServer server;
        try {
            server = HTTPServer.builder().inetAddress(address.getAddress()).port(address.getPort())
                    .registry(registry).executorService(threads).registerHealthHandler(false)
                    .defaultHandler(new HealthHandler(health, shunts)).buildAndStart();
        } catch (IOException | RuntimeException e) {
            threads.shutdownNow();
            throw e;
        }
        return new MetricsServer(server, new InetSocketAddress(address.getAddress(), server.getPort()));
    }

    /** The address served, with the port actually bound. */
    public InetSocketAddress address() {
        return address;
    }

    /** Stops serving; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    @Override
    public String toString() {
        String host = address.getAddress().getHostAddress();
        return "MetricsServer[" + (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":"
                + address.getPort() + "]";
    }
}
