package org.dumbno.eos.eapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.Transport;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /command-api} by running the calls on a {@link Transport}. The body decides
 * whether a call is JSON-RPC, whatever its Content-Type says (curl's {@code -d} sends a form type).
 */
final class CommandApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandApiHandler.class);
    /** Bytes of a reply gathered before a write to the socket. */
    private static final int REPLY_BUFFER = 1 << 16;
    /** The largest declared request body read into an array of its length before it arrives. */
    private static final int BODY_READ_AT_ONCE = 1 << 20;
    private static final byte[] RESULT_TAIL = "]}".getBytes(StandardCharsets.UTF_8);
    private static final String BAD_CREDENTIALS = "Unable to authenticate user: Bad username/password combination";

    private final Transport backend;
    private final BasicAuth auth;

    CommandApiHandler(Transport backend, BasicAuth auth) {
        this.backend = backend;
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            if (!EapiTransport.PATH.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 404, "text/plain", "Not Found");
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                reply(exchange, 405, "text/plain", "Method Not Allowed");
            } else if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"eAPI\"");
                reply(exchange, 401, "text/plain", BAD_CREDENTIALS);
            } else {
                answer(exchange, body);
            }
        } catch (RuntimeException e) {
            LOG.error("eAPI request failed", e);
            throw e;
        }
    }

    private void answer(HttpExchange exchange, byte[] body) throws IOException {
        RpcRequest request;
        try {
            request = RpcRequest.parse(body);
        } catch (RpcError e) {
            json(exchange, error(RpcRequest.idOf(new String(body, StandardCharsets.UTF_8)), e.code(), e.getMessage(),
                    null));
            return;
        }
        try {
            List<byte[]> results = backend.runCmdsAsJson(request.commands(), request.format());
            success(exchange, request.id(), results);
        } catch (CommandFailedException e) {
            json(exchange, failure(request, e));
        } catch (SwitchException e) {
            LOG.info("eAPI call answered with HTTP 500: {}", e.getMessage());
            reply(exchange, 500, "text/plain", "Internal Server Error: switch unavailable");
        } catch (Throwable t) {
            Loops.failed(LOG, "eAPI server, running " + request.commands() + ",", t);
            reply(exchange, 500, "text/plain", "Internal Server Error");
        }
    }

    /**
     * Sends {@code {"jsonrpc": "2.0", "id": ID, "result": [...]}}, printed as the same tree would be,
     * with the results copied in as the backend wrote them. The JDK server does not buffer a body,
     * so small pieces are gathered before they reach the socket; a large result goes as it is.
     */
    private static void success(HttpExchange exchange, JsonElement id, List<byte[]> results) throws IOException {
        byte[] head = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":[").getBytes(StandardCharsets.UTF_8);
        long length = head.length + RESULT_TAIL.length + Math.max(results.size() - 1, 0);
        for (byte[] result : results) {
            length += result.length;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, length);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(),
                (int) Math.min(length, REPLY_BUFFER))) {
            out.write(head);
            for (int i = 0; i < results.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(results.get(i));
            }
            out.write(RESULT_TAIL);
        }
    }

    private static JsonObject failure(RpcRequest request, CommandFailedException e) {
        int count = request.commands().size();
        int index = Math.min(Math.max(e.failedIndex(), 0), Math.max(count - 1, 0));
        CliFailure cli = CliFailure.of(e.code(), index, Math.max(count, 1), e.failedCommand());
        JsonArray data = new JsonArray();
        e.results().stream().limit(index).forEach(data::add);
        JsonArray errors = new JsonArray();
        e.errors().forEach(errors::add);
        JsonObject failed = new JsonObject();
        failed.add("errors", errors);
        data.add(failed);
        return error(request.id(), e.code(), cli.message(), data);
    }

    private static JsonObject error(JsonElement id, int code, String message, JsonArray data) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        if (data != null) {
            error.add("data", data);
        }
        JsonObject reply = envelope(id);
        reply.add("error", error);
        return reply;
    }

    private static JsonObject envelope(JsonElement id) {
        JsonObject reply = new JsonObject();
        reply.addProperty("jsonrpc", "2.0");
        reply.add("id", id);
        return reply;
    }

    /**
     * The request body as it came. A body of a declared length that is not large is read into one
     * array of that length; any other is read to its end in pieces, as they come.
     */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            int declared = declaredLength(exchange);
            byte[] body;
            if (declared < 0) {
                body = in.readAllBytes();
            } else {
                body = new byte[declared];
                int read = in.readNBytes(body, 0, declared);
                body = read == declared ? body : Arrays.copyOf(body, read);
            }
            return body;
        }
    }

    /** The request's Content-Length when it is a number of at most {@link #BODY_READ_AT_ONCE} bytes, else -1. */
    private static int declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            long value = Long.parseLong(length);
            return value >= 0 && value <= BODY_READ_AT_ONCE ? (int) value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void json(HttpExchange exchange, JsonObject reply) throws IOException {
        reply(exchange, 200, "application/json", reply.toString());
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        send(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
