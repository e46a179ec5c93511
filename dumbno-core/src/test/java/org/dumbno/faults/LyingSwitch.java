package org.dumbno.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that answers every call with a status whose header claims a body of
 * {@code claimed} bytes, sends {@code sent} and closes the connection: a reply that lies about its
 * size.
 */
final class LyingSwitch implements AutoCloseable {
    static {
        // like EapiServer, which the JDK's first HTTP server in this JVM decides for
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    LyingSwitch(int status, long claimed, String sent) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                calls.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, claimed);
                OutputStream out = exchange.getResponseBody();
                out.write(sent.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // closing before the claimed length was sent is the lie itself
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
