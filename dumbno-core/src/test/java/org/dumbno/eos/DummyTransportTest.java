package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DummyTransportTest {

    private final DummyTransport dummy = new DummyTransport();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "enable                         | {}",
        "ip access-list bulk_1          | {}",
        "show ip access-lists bulk_1    | {\"aclList\": []}",
        "show ipv6 access-lists bulk_1  | {\"aclList\": []}",
        "show ip access-lists           | {\"aclList\": []}",
        "show interfaces counters       | {\"interfaces\": {}}",
        "show version                   | {}"})
    void answersJsonCalls(String command, String expected) {
        assertEquals(List.of(JsonParser.parseString(expected)), dummy.runCmds(List.of(command), Transport.Format.JSON));
    }

    @Test
    void answersTextCallsWithEmptyOutput() {
        JsonObject empty = new JsonObject();
        empty.addProperty("output", "");

        assertEquals(List.of(empty, empty),
                dummy.runCmds(List.of("show running-config interfaces Ethernet1", "show ip access-lists"),
                        Transport.Format.TEXT));
        assertEquals("dummy", dummy.describe());
    }
}
