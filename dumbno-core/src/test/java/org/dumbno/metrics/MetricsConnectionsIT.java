package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /metrics} keeps answering while connections that send nothing, or half a request, are held
 * open: more of them than the server has threads by default.
 */
@Timeout(60)
class MetricsConnectionsIT {
    private static final int HELD = 24;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<Socket> held = new ArrayList<>();
    private MetricsServer server;

    @AfterEach
    void close() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void scrapesAreAnsweredWhileIdleAndSlowConnectionsAreHeld() throws Exception {
        Counter.builder().name("held_test_total").help("a series to scrape").register(registry).inc();
        server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), registry);
        for (int i = 0; i < HELD; i++) {
            Socket socket = connect();
            if (i % 2 == 1) {
                socket.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            held.add(socket);
        }

        for (int i = 0; i < 3; i++) {
            String reply = scrape();
            assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
            assertTrue(reply.contains("held_test_total 1.0"), reply);
        }
        assertEquals(HELD, held.size());
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(server.address(), 5_000);
        return socket;
    }

    /** One scrape on a fresh connection, which waits at most 15 s for the reply to end. */
    private String scrape() throws IOException {
        return get("/metrics");
    }

    @Test
    void healthyAndReadyAnswerWhatTheHealthSays() throws Exception {
        Health health = new Health();
        AtomicReference<List<String>> stalls = new AtomicReference<>(List.of());
        AtomicReference<Optional<String>> down = new AtomicReference<>(Optional.of("unreachable since 09:00"));
        health.liveness("engine", stalls::get);
        health.readiness("switch", down::get);
        server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), registry, health);

        assertTrue(get("/-/healthy").startsWith("HTTP/1.1 200"));
        String ready = get("/-/ready");
        assertTrue(ready.startsWith("HTTP/1.1 503") && ready.contains("switch: unreachable since 09:00"), ready);

        stalls.set(List.of("purge loop: no progress for 91 s (expected every 30 s)"));
        down.set(Optional.empty());

        String healthy = get("/-/healthy");
        assertTrue(healthy.startsWith("HTTP/1.1 503") && healthy.contains("engine: purge loop: no progress"), healthy);
        assertTrue(get("/-/ready").startsWith("HTTP/1.1 200"));
        assertTrue(get("/nothing").startsWith("HTTP/1.1 404"));
    }

    private String get(String path) throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
