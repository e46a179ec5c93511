package org.dumbno.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dumbno.manager.ActiveShunt;

/**
 * Answers {@code /-/healthy} (200 while every loop makes progress, else 503 naming the stalled
 * ones) and {@code /-/ready} (200 when every readiness condition holds, else 503 naming those that
 * do not), {@code /-/shunts} the engine's shunts with their rates ({@link ShuntsJson}); anything else
 * but {@code /metrics} is 404.
 */
final class HealthHandler implements HttpHandler {
    static final String HEALTHY = "/-/healthy";
    static final String READY = "/-/ready";

    private final Health health;
    private final Supplier<Map<String, List<ActiveShunt>>> shunts;

    HealthHandler(Health health, Supplier<Map<String, List<ActiveShunt>>> shunts) {
        this.health = health;
        this.shunts = shunts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (HEALTHY.equals(path)) {
                answer(exchange, health.stalls(), "healthy");
            } else if (READY.equals(path)) {
                answer(exchange, health.notReady(), "ready");
            } else if (ShuntsJson.PATH.equals(path)) {
                reply(exchange, 200, "application/json", ShuntsJson.of(shunts.get()));
            } else {
                reply(exchange, 404, "not found: try /metrics, " + HEALTHY + ", " + READY + " or " + ShuntsJson.PATH
                        + "\n");
            }
        }
    }

    private static void answer(HttpExchange exchange, List<String> problems, String good) throws IOException {
        if (problems.isEmpty()) {
            reply(exchange, 200, good + "\n");
        } else {
            reply(exchange, 503, "not " + good + ":\n" + String.join("\n", problems) + "\n");
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        reply(exchange, status, "text/plain", text);
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
