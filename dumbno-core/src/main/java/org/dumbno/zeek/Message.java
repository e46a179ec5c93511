package org.dumbno.zeek;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import org.dumbno.rule.InvalidRequestException;

/**
 * The messages of Zeek's WebSocket API (v1 JSON): the server's ack and error messages, and events
 * in either direction as data messages. An event is the vector {@code [1, 1, [name, [args...]]]},
 * with an optional third element of metadata (Zeek 6 and 7 send network time there, Zeek 8.0.0 an
 * empty vector), which is accepted and not used; dumbno's own events carry none.
 */
sealed interface Message {

    /** The server took the subscription. */
    record Ack(String endpoint, String version) implements Message {
    }

    /** The server reports a problem, e.g. {@code deserialization_failed}. */
    record Error(String code, String context) implements Message {
    }

    /** An event published on {@code topic}. */
    record Event(String topic, String name, List<BrokerValue> args) implements Message {
        public Event {
            args = List.copyOf(args);
        }
    }

    /** Something else Zeek sent: a data message that is not an event, or an unknown type. */
    record Other(String description) implements Message {
    }

    /**
     * Reads one text message.
     *
     * @throws InvalidRequestException it is not JSON, or an event in it is malformed
     */
    static Message parse(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new InvalidRequestException("not JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new InvalidRequestException("not a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        String type = string(object, "type");
        switch (type) {
            case "ack":
                return new Ack(string(object, "endpoint"), string(object, "version"));
            case "error":
                return new Error(string(object, "code"), string(object, "context"));
            case "data-message":
                return event(string(object, "topic"), BrokerValue.of(object, "data-message"));
            default:
                return new Other("message of type \"" + InvalidRequestException.quote(type) + "\"");
        }
    }

    private static Message event(String topic, BrokerValue data) {
        if (!data.type().equals("vector")) {
            return new Other("data message of type " + data.type() + " on " + topic);
        }
        List<BrokerValue> outer = data.vector("data-message");
        if (outer.size() != 3 || !outer.get(0).type().equals("count") || outer.get(0).count("format") != 1
                || !outer.get(1).type().equals("count") || outer.get(1).count("type") != 1) {
            return new Other("data message on " + topic + " that is not an event");
        }
        List<BrokerValue> content = outer.get(2).vector("event");
        if (content.size() != 2 && content.size() != 3) {
            throw new InvalidRequestException("event has " + content.size() + " elements, not 2 or 3");
        }
        String name = content.get(0).string("event name");
        if (content.size() == 3) {
            content.get(2).vector(name + " metadata");
        }
        return new Event(topic, name, content.get(1).vector(name + " arguments"));
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    /** The subscription, the first message a client sends: a JSON array of topic prefixes. */
    static String subscription(List<String> topics) {
        JsonArray array = new JsonArray();
        topics.forEach(array::add);
        return array.toString();
    }

    /** An event as a data message, without metadata. */
    static String eventText(String topic, String name, List<? extends JsonElement> args) {
        JsonObject message = new JsonObject();
        message.addProperty("type", "data-message");
        message.addProperty("topic", topic);
        message.addProperty("@data-type", "vector");
        JsonArray data = new JsonArray();
        data.add(BrokerValue.ofCount(1));
        data.add(BrokerValue.ofCount(1));
        data.add(BrokerValue.ofVector(List.of(BrokerValue.ofString(name), BrokerValue.ofVector(args))));
        message.add("data", data);
        return message.toString();
    }
}
