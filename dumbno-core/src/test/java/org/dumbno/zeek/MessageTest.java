package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.testing.ZeekPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTest {

    @Test
    void readsTheAckAndErrors() {
        assertEquals(new Message.Ack("4c8a0f1e-6d5d-4a3b-9b0a-1f2e3d4c5b6a", "8.0.1"), Message.parse(
                "{\"type\": \"ack\", \"endpoint\": \"4c8a0f1e-6d5d-4a3b-9b0a-1f2e3d4c5b6a\", \"version\": \"8.0.1\"}"));
        assertEquals(new Message.Error("deserialization_failed", "failed to create Zeek event"), Message.parse(
                "{\"type\": \"error\", \"code\": \"deserialization_failed\", \"context\": \"failed to create Zeek event\"}"));
    }

    @ParameterizedTest
    @EnumSource(ZeekPeer.Metadata.class)
    void readsAnEventWithOrWithoutMetadata(ZeekPeer.Metadata metadata) {
        Message message = Message.parse(ZeekPeer.dataMessage("zeek/dumbno/request", "Dumbno::request", metadata,
                ZeekPeer.count(7), ZeekPeer.string("add")));

        Message.Event event = assertInstanceOf(Message.Event.class, message);
        assertEquals("zeek/dumbno/request", event.topic());
        assertEquals("Dumbno::request", event.name());
        assertEquals(7, event.args().get(0).count("cookie"));
        assertEquals("add", event.args().get(1).string("op"));
    }

    @Test
    void refusesAnEventOfFourElementsAndTakesOtherMessagesForWhatTheyAre() {
        String four = "{\"type\":\"data-message\",\"topic\":\"t\",\"@data-type\":\"vector\",\"data\":["
                + "{\"@data-type\":\"count\",\"data\":1},{\"@data-type\":\"count\",\"data\":1},"
                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"string\",\"data\":\"E\"},"
                + "{\"@data-type\":\"vector\",\"data\":[]},{\"@data-type\":\"vector\",\"data\":[]},"
                + "{\"@data-type\":\"vector\",\"data\":[]}]}]}";
        assertEquals("event has 4 elements, not 2 or 3",
                assertThrows(InvalidRequestException.class, () -> Message.parse(four)).getMessage());
        assertInstanceOf(Message.Other.class, Message.parse("{\"type\": \"something-new\"}"));
        assertThrows(InvalidRequestException.class, () -> Message.parse("[1, 2"));
    }

    @Test
    void writesAnEventWithoutMetadataAsZeekReadsIt() {
        String text = Message.eventText("zeek/dumbno/reply", "Dumbno::reply",
                List.of(BrokerValue.ofCount(7), BrokerValue.ofString("ok")));

        assertEquals(JsonParser.parseString(ZeekPeer.dataMessage("zeek/dumbno/reply", "Dumbno::reply",
                ZeekPeer.Metadata.NONE, ZeekPeer.count(7), ZeekPeer.string("ok"))), JsonParser.parseString(text));
    }

    @ParameterizedTest
    @CsvSource({"36000s,36000000000000", "1.5s,1500000000", "10min,600000000000", "2h,7200000000000",
        "1d,86400000000000", "250ms,250000000", "7us,7000", "12ns,12"})
    void readsIntervalsInEveryUnit(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), BrokerValue.of(ZeekPeer.value("timespan", text), "expire")
                .timespan("expire"));
    }

    @Test
    void writesIntervalsInWholeSecondsWhenItCan() {
        assertEquals(ZeekPeer.value("timespan", "120s"), BrokerValue.ofTimespan(Duration.ofSeconds(120)));
        assertEquals(ZeekPeer.value("timespan", "1500ms"), BrokerValue.ofTimespan(Duration.ofMillis(1500)));
        assertEquals(ZeekPeer.value("timespan", "1500001ns"), BrokerValue.ofTimespan(Duration.ofNanos(1_500_001)));
    }

    @Test
    void aValueOfAnotherTypeIsNamedInTheComplaint() {
        assertEquals("cookie is a string, not a count", assertThrows(InvalidRequestException.class,
                () -> BrokerValue.of(ZeekPeer.string("7"), "cookie").count("cookie")).getMessage());
        assertEquals("cookie (-1) is not a count (a whole number, 0 or more)", assertThrows(InvalidRequestException.class,
                () -> BrokerValue.of(ZeekPeer.count(-1), "cookie").count("cookie")).getMessage());
    }
}
