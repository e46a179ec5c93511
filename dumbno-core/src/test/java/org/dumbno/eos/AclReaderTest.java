package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading {@code show ip access-lists NAME} from a stream and from a parsed result alike. */
class AclReaderTest {
    private static final AclKey BULK = new AclKey("bulk_1", Family.IP);

    private static String result(String lines) {
        return "{\"aclList\": [{\"name\": \"other\", \"sequence\": [{\"sequenceNumber\": 7, \"text\": \"permit ip any any\"}]},"
                + " {\"sequence\": [" + lines + "], \"countersEnabled\": true, \"name\": \"bulk_1\", \"readOnly\": false}]}";
    }

    private static final String LINES = "{\"sequenceNumber\": 10, \"text\": \"permit tcp any any\", "
            + "\"counterData\": {\"packetCount\": 5, \"byteCount\": 300}},"
            + " {\"text\": \"deny ip host 10.0.0.1 host 10.0.0.2\", \"sequenceNumber\": 501, \"counterData\": {\"byteCount\": 0}},"
            + " {\"sequenceNumber\": 502, \"text\": \"remark not a rule\", \"counterData\": {\"packetCount\": null}},"
            + " {\"sequenceNumber\": 503, \"text\": \"deny ip host 10.0.0.3 any\"}";

    private static AclReader.AclState stream(AclReader reader, String json) throws IOException {
        return reader.read(BULK, new JsonReader(new StringReader(json)));
    }

    private static AclReader.AclState tree(AclReader reader, String json) {
        return reader.read(BULK, JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void streamAndTreeReadTheSame() throws IOException {
        AclReader.AclState streamed = stream(new AclReader(new RuleCache()), result(LINES));
        AclReader.AclState parsed = tree(new AclReader(new RuleCache()), result(LINES));

        assertEquals(parsed, streamed);
        assertEquals(Boolean.TRUE, streamed.countersEnabled());
        assertEquals(List.of(10L, 501L, 502L, 503L), streamed.entries().stream().map(AclEntry::sequence).toList());
        assertEquals(List.of(5L, 0L, 0L, 0L), streamed.entries().stream().map(AclEntry::packetCount).toList());
        assertEquals(Rule.parse(Family.IP, "ip host 10.0.0.1 host 10.0.0.2"), streamed.entries().get(1).rule());
        assertNull(streamed.entries().get(2).rule());
        assertEquals("remark", streamed.entries().get(2).action());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theTimeOfLastChangeIsReadWhenTheSwitchGivesIt(boolean streamed) throws IOException {
        String lines = LINES.replace("\"packetCount\": 5, ", "\"packetCount\": 5, \"lastChangedTime\": 1764057600.25, ");
        AclReader reader = new AclReader(new RuleCache());
        AclReader.AclState state = streamed ? stream(reader, result(lines)) : tree(reader, result(lines));

        assertEquals(Instant.parse("2025-11-25T08:00:00.250Z"), state.entries().get(0).lastChanged());
        assertNull(state.entries().get(1).lastChanged());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anUnchangedLineIsTheEntryOfTheLastRead(boolean streamed) throws IOException {
        AclReader reader = new AclReader(new RuleCache());
        AclReader.AclState first = stream(reader, result(LINES));
        String moved = LINES.replace("\"packetCount\": 5", "\"packetCount\": 9");

        AclReader.AclState second = streamed ? stream(reader, result(moved)) : tree(reader, result(moved));

        assertSame(first.entries().get(1), second.entries().get(1));
        assertSame(first.entries().get(0).rule(), second.entries().get(0).rule());
        assertEquals(9, second.entries().get(0).packetCount());
    }

    @Test
    void aChangedTextIsReadAgain() throws IOException {
        AclReader reader = new AclReader(new RuleCache());
        stream(reader, result(LINES));

        AclReader.AclState second = stream(reader, result(LINES.replace("10.0.0.3", "10.0.0.4")));

        assertEquals(Rule.parse(Family.IP, "ip host 10.0.0.4 any"), second.entries().get(3).rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"aclList\": []}", "{\"aclList\": [{\"name\": \"other\"}], \"x\": [1]}"})
    void aListTheSwitchDoesNotHaveReadsAsNull(String json) throws IOException {
        AclReader reader = new AclReader(new RuleCache());

        assertNull(stream(reader, json));
        assertNull(tree(reader, json));
    }

    @Test
    void aListWithoutLinesIsEmpty() throws IOException {
        String json = "{\"aclList\": [{\"name\": \"bulk_1\"}]}";
        AclReader reader = new AclReader(new RuleCache());

        assertEquals(new AclReader.AclState(List.of(), null, false, false), stream(reader, json));
        assertEquals(new AclReader.AclState(List.of(), null, false, false), tree(reader, json));
    }
}
