package org.dumbno.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves a registry over HTTP: {@code GET /metrics} answers in the Prometheus text format (or
 * OpenMetrics or protobuf, when the scraper asks for them). Runs on its own daemon threads.
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
        return start(address, registry, List::of);
    }

    /**
     * As {@link #start(InetSocketAddress, PrometheusRegistry)}, and serves {@code GET /-/ready}:
     * 200 {@code ready} while {@code notReady} gives no reasons, else 503 with one reason a line.
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry,
            Supplier<List<String>> notReady) throws IOException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(notReady, "notReady");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("metrics address " + address + " must be an IP address");
        }
        HTTPServer server = HTTPServer.builder().inetAddress(address.getAddress()).port(address.getPort())
                .registry(registry).defaultHandler(exchange -> ready(exchange, notReady)).buildAndStart();
        return new MetricsServer(server, new InetSocketAddress(address.getAddress(), server.getPort()));
    }

    private static void ready(HttpExchange exchange, Supplier<List<String>> notReady) throws IOException {
        try (exchange) {
            int status;
            String body;
            if (!exchange.getRequestURI().getPath().equals("/-/ready")) {
                status = 404;
                body = "not found\n";
            } else {
                List<String> reasons = notReady.get();
                status = reasons.isEmpty() ? 200 : 503;
                body = reasons.isEmpty() ? "ready\n" : String.join("\n", reasons) + "\n";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
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
