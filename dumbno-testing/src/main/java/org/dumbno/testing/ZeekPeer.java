package org.dumbno.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * A stand-in for Zeek's WebSocket API on loopback, speaking its v1 JSON as Zeek does: it takes a
 * client's subscription and acks it, publishes events (without metadata as Zeek 8.0.1+ does, with
 * an empty metadata vector as 8.0.0 does, or with Zeek 6/7's network-time metadata), reports
 * errors, answers an unknown path with {@code invalid_uri} and a close, and records every event
 * the client publishes. Builds its JSON itself, independently of dumbno's code.
 */
public final class ZeekPeer implements AutoCloseable {
    /** The path Zeek serves. */
    public static final String PATH = "/v1/messages/json";

    /** How an event carries metadata. */
    public enum Metadata {
        /** Two elements: Zeek 8.0.1 and later with no metadata. */
        NONE,
        /** An empty third element: Zeek 8.0.0. */
        EMPTY,
        /** {@code [[count 1, timestamp T]]}, T local time without a zone: Zeek 6 and 7. */
        ZEEK7_NETWORK_TIME
    }

    /** One event a client published. */
    public record Published(String topic, String name, JsonArray args) {
        /** Argument {@code index}'s data. */
        public JsonElement data(int index) {
            return args.get(index).getAsJsonObject().get("data");
        }

        /** Argument {@code index}'s {@code @data-type}. */
        public String type(int index) {
            return args.get(index).getAsJsonObject().get("@data-type").getAsString();
        }

        /** Argument {@code index} as a whole value. */
        public JsonObject arg(int index) {
            return args.get(index).getAsJsonObject();
        }
    }

    private final Server server;
    private final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
    private final List<JsonArray> subscriptions = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger pongs = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean answerPings = true;
    private final String version;

    private final String scheme;

    private ZeekPeer(InetSocketAddress address, String version, SSLContext tls) throws InterruptedException {
        this.version = version;
        this.scheme = tls == null ? "ws" : "wss";
        this.server = new Server(address);
        if (tls != null) {
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
        server.setReuseAddr(true);
        server.setConnectionLostTimeout(0);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Zeek peer did not start on " + address);
        }
        if (server.failure != null) {
            throw new IllegalStateException("the Zeek peer could not listen on " + address, server.failure);
        }
    }

    /** A peer on a free loopback port, answering as Zeek 8.0.1. */
    public static ZeekPeer start() throws InterruptedException {
        return start(0);
    }

    /** A peer on {@code port} of 127.0.0.1 (0 picks a free one). */
    public static ZeekPeer start(int port) throws InterruptedException {
        return new ZeekPeer(new InetSocketAddress("127.0.0.1", port), "8.0.1", null);
    }

    /** A peer speaking TLS ({@code wss://}) with {@code tls}'s certificate, as Zeek's $tls_options. */
    public static ZeekPeer startTls(SSLContext tls) throws InterruptedException {
        return new ZeekPeer(new InetSocketAddress("127.0.0.1", 0), "8.0.1", tls);
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** {@code ws://127.0.0.1:PORT/v1/messages/json}, or {@code wss://} with TLS. */
    public String url() {
        return scheme + "://127.0.0.1:" + port() + PATH;
    }

    /** Clients connected and subscribed. */
    public int subscribed() {
        return (int) server.getConnections().stream().filter(c -> c.getAttachment() != null).count();
    }

    /** The subscriptions received so far, in order. */
    public List<JsonArray> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Pongs received in answer to {@link #ping()}. */
    public int pongs() {
        return pongs.get();
    }

    /** Pings received from clients. */
    public int pings() {
        return pings.get();
    }

    /** Whether to answer clients' pings (as Zeek does) or stay silent, as a Zeek gone without a word. */
    public void answerPings(boolean answer) {
        answerPings = answer;
    }

    /** Errors sent to clients, as codes. */
    public List<String> errorsSent() {
        return List.copyOf(errors);
    }

    /** Publishes an event to every subscribed client whose subscription covers {@code topic}. */
    public void publish(String topic, String name, Metadata metadata, JsonElement... args) {
        String text = dataMessage(topic, name, metadata, args);
        for (WebSocket connection : server.getConnections()) {
            JsonArray topics = connection.getAttachment();
            if (topics != null && covers(topics, topic)) {
                connection.send(text);
            }
        }
    }

    private static boolean covers(JsonArray topics, String topic) {
        for (JsonElement prefix : topics) {
            if (topic.startsWith(prefix.getAsString())) {
                return true;
            }
        }
        return false;
    }

    /** The data message Zeek sends for one event. */
    public static String dataMessage(String topic, String name, Metadata metadata, JsonElement... args) {
        JsonArray arguments = new JsonArray();
        for (JsonElement arg : args) {
            arguments.add(arg);
        }
        JsonArray event = new JsonArray();
        event.add(value("string", name));
        event.add(vector(arguments));
        if (metadata == Metadata.EMPTY) {
            event.add(vector(new JsonArray()));
        } else if (metadata == Metadata.ZEEK7_NETWORK_TIME) {
            JsonArray entry = new JsonArray();
            entry.add(count(1));
            entry.add(value("timestamp", "2026-11-27T10:16:44.000"));
            JsonArray entries = new JsonArray();
            entries.add(vector(entry));
            event.add(vector(entries));
        }
        JsonArray data = new JsonArray();
        data.add(count(1));
        data.add(count(1));
        data.add(vector(event));
        JsonObject message = new JsonObject();
        message.addProperty("type", "data-message");
        message.addProperty("topic", topic);
        message.addProperty("@data-type", "vector");
        message.add("data", data);
        return message.toString();
    }

    /** Sends every client a raw text message. */
    public void sendRaw(String text) {
        server.getConnections().forEach(connection -> connection.send(text));
    }

    /** Sends every client an error message, as Zeek reports a problem. */
    public void sendError(String code, String context) {
        JsonObject error = new JsonObject();
        error.addProperty("type", "error");
        error.addProperty("code", code);
        error.addProperty("context", context);
        errors.add(code);
        sendRaw(error.toString());
    }

    /** Pings every client. */
    public void ping() {
        server.getConnections().forEach(WebSocket::sendPing);
    }

    /** Drops every connection without a close handshake, as a crashing Zeek would. */
    public void dropConnections() {
        for (WebSocket connection : server.getConnections()) {
            ByteChannel channel = ((WebSocketImpl) connection).getChannel();
            connection.closeConnection(1006, "dropped");
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The next event a client published, waiting at most {@code timeout}; null if none came. */
    public Published next(Duration timeout) throws InterruptedException {
        return published.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next {@code n} events, waiting at most {@code timeout} in all; fewer if they did not come. */
    public List<Published> next(int n, Duration timeout) throws InterruptedException {
        List<Published> events = new ArrayList<>(n);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < n) {
            Published event = published.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /** Events published and not yet taken. */
    public int pending() {
        return published.size();
    }

    @Override
    public void close() {
        try {
            server.stop(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static JsonObject value(String type, String data) {
        return typed(type, new JsonPrimitive(data));
    }

    /** Any value: {@code {"@data-type": type, "data": data}}. */
    public static JsonObject typed(String type, JsonElement data) {
        JsonObject value = new JsonObject();
        value.addProperty("@data-type", type);
        value.add("data", data);
        return value;
    }

    /** A NetControl::Rule as Zeek sends it: all 14 fields, unset ones as none. */
    public static JsonObject rule(String ty, String target, JsonObject entity, JsonObject expire, String id) {
        return vector(value("enum-value", ty), value("enum-value", target), entity, expire,
                typed("integer", new JsonPrimitive(0)), string(""), none(), none(), string(id),
                count(Long.parseLong(id)), set(), set(), set(), typed("boolean", new JsonPrimitive(false)));
    }

    /** The Rule {@code NetControl::shunt_flow} makes: a DROP on the MONITOR path of a FLOW. */
    public static JsonObject shuntFlowRule(JsonObject flowEntity, JsonObject expire, String id) {
        return rule("NetControl::DROP", "NetControl::MONITOR", flowEntity, expire, id);
    }

    /**
     * A FLOW entity; a null part is unset. Hosts are subnets ({@code 10.1.2.3/32}), ports carry
     * their protocol ({@code 443/tcp}).
     */
    public static JsonObject flowEntity(String srcH, String srcP, String dstH, String dstP) {
        return vector(value("enum-value", "NetControl::FLOW"), none(),
                vector(orNone("subnet", srcH), orNone("port", srcP), orNone("subnet", dstH), orNone("port", dstP),
                        none(), none()),
                none(), none());
    }

    private static JsonObject orNone(String type, String value) {
        return value == null ? none() : value(type, value);
    }

    public static JsonObject count(long data) {
        JsonObject value = new JsonObject();
        value.addProperty("@data-type", "count");
        value.addProperty("data", data);
        return value;
    }

    public static JsonObject string(String data) {
        return value("string", data);
    }

    public static JsonObject none() {
        JsonObject value = new JsonObject();
        value.addProperty("@data-type", "none");
        value.add("data", new JsonObject());
        return value;
    }

    public static JsonObject vector(JsonElement... elements) {
        JsonArray array = new JsonArray();
        for (JsonElement element : elements) {
            array.add(element);
        }
        return vector(array);
    }

    private static JsonObject vector(JsonArray array) {
        JsonObject value = new JsonObject();
        value.addProperty("@data-type", "vector");
        value.add("data", array);
        return value;
    }

    public static JsonObject set(JsonElement... elements) {
        JsonObject value = vector(elements);
        value.addProperty("@data-type", "set");
        return value;
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        volatile Exception failure;

        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            if (!handshake.getResourceDescriptor().equals(PATH)) {
                JsonObject error = new JsonObject();
                error.addProperty("type", "error");
                error.addProperty("code", "invalid_uri");
                error.addProperty("context", "unrecognized path: " + handshake.getResourceDescriptor());
                errors.add("invalid_uri");
                connection.send(error.toString());
                connection.close();
            }
        }

        @Override
        public void onMessage(WebSocket connection, String text) {
            JsonElement message = JsonParser.parseString(text);
            if (connection.getAttachment() == null) {
                JsonArray topics = message.getAsJsonArray();
                subscriptions.add(topics);
                connection.setAttachment(topics);
                JsonObject ack = new JsonObject();
                ack.addProperty("type", "ack");
                ack.addProperty("endpoint", UUID.randomUUID().toString());
                ack.addProperty("version", version);
                connection.send(ack.toString());
                return;
            }
            JsonObject object = message.getAsJsonObject();
            JsonArray data = object.getAsJsonArray("data");
            JsonArray event = data.get(2).getAsJsonObject().getAsJsonArray("data");
            String name = event.get(0).getAsJsonObject().get("data").getAsString();
            JsonArray args = event.get(1).getAsJsonObject().getAsJsonArray("data");
            published.add(new Published(object.get("topic").getAsString(), name, args));
        }

        @Override
        public void onWebsocketPong(WebSocket connection, Framedata pong) {
            pongs.incrementAndGet();
        }

        @Override
        public void onWebsocketPing(WebSocket connection, Framedata ping) {
            pings.incrementAndGet();
            if (answerPings) {
                super.onWebsocketPing(connection, ping);
            }
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
            if (connection == null) {
                failure = error;
                started.countDown();
            }
        }
    }
}
