package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        try (Socket socket = connect()) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
