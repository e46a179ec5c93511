package org.dumbno.zeek;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.function.Predicate;

/** Publishes dumbno's events under the configured topic and counts them. */
final class Publisher {
    private final String topic;
    private final Predicate<String> link;
    private final EventCounts sent = new EventCounts(Events.SENT, false);

    /**
     * @param topic the configured topic; events go to sub-topics of it
     * @param link takes one message for Zeek; false when it was dropped
     */
    Publisher(String topic, Predicate<String> link) {
        this.topic = topic;
        this.link = link;
    }

    /**
     * Publishes event {@code name} on {@code TOPIC/subtopic}. It is counted before it is handed to
     * the connection, so the count never lags behind what Zeek received; uncounted if dropped.
     */
    void publish(String subtopic, String name, List<? extends JsonElement> args) {
        sent.count(name);
        if (!link.test(Message.eventText(topic + "/" + subtopic, name, args))) {
            sent.uncount(name);
        }
    }

    EventCounts sent() {
        return sent;
    }
}
