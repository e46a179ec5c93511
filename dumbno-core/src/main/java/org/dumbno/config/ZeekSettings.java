package org.dumbno.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [zeek]} section: the Zeek WebSocket endpoints dumbno connects out to, and the topic
 * its events travel under.
 *
 * @param websockets the endpoints, tried in turn: {@code ws://} or {@code wss://} URLs of Zeek's
 *                   {@code /v1/messages/json}
 * @param topic      the topic prefix: requests come on {@code TOPIC/request} and
 *                   {@code TOPIC/netcontrol}, replies go to {@code TOPIC/reply} and
 *                   {@code TOPIC/netcontrol/reply}
 * @param caFile     PEM file of CA certificates trusted for {@code wss://}, besides the JVM's
 */
public record ZeekSettings(List<URI> websockets, String topic, Optional<Path> caFile) {

    static final String SECTION = "zeek";
    /** {@code zeek/dumbno}. */
    public static final String DEFAULT_TOPIC = "zeek/dumbno";

    /** Checks every URL and the topic. */
    public ZeekSettings {
        websockets = List.copyOf(websockets);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(caFile, "caFile");
        if (websockets.isEmpty()) {
            throw Field.of(SECTION, "websocket", "").fail("missing: set at least one ws:// or wss:// URL");
        }
        websockets.forEach(ZeekSettings::checkUrl);
        if (topic.isEmpty() || topic.startsWith("/") || topic.endsWith("/") || topic.contains(" ")) {
            throw Field.of(SECTION, "topic", topic).fail("not a topic like zeek/dumbno");
        }
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw Field.of(SECTION, "websocket", url.toString()).fail("not a ws:// or wss:// URL");
        }
        if (url.getHost() == null) {
            throw Field.of(SECTION, "websocket", url.toString()).fail("names no host");
        }
    }

    /** One endpoint and the default topic. */
    public static ZeekSettings of(URI websocket) {
        return new ZeekSettings(List.of(websocket), DEFAULT_TOPIC, Optional.empty());
    }
}
