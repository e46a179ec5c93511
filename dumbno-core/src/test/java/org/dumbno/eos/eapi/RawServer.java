package org.dumbno.eos.eapi;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A bare HTTP server on loopback that answers whatever the test wants (garbage included) and records
 * the Authorization headers and the client ports (one per TCP connection) it saw.
 */
final class RawServer implements AutoCloseable {

    record Answer(int status, String body) {
    }

    static {
        // like EapiServer: no Nagle's delay between a reply's headers and body
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    RawServer(Function<String, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                clientPorts.add(exchange.getRemoteAddress().getPort());
                Answer answer = answers.apply(body);
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    int connections() {
        return clientPorts.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
