package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A write call's results: the commands' passed over, still checked to be objects; the summaries read whole. */
class WriteDecoderTest {
    private static final String SUMMARY = """
            {"aclList": [{"name": "bulk_1", "countersEnabled": false,
              "configuredIngressIntfs": [{"name": "Ethernet1"}]}]}""";

    @Test
    void commandResultsArePassedOverExactlyAndTheSummaryIsRead() throws IOException {
        WriteDecoder decoder = new WriteDecoder(2);
        JsonReader json = new JsonReader(new StringReader("[{}, {\"output\": \"\", \"x\": [1, {}]}, " + SUMMARY + "]"));
        json.beginArray();

        assertNull(decoder.decode(0, json));
        assertNull(decoder.decode(1, json));
        AclSummary summary = decoder.decode(2, json);

        assertEquals(JsonToken.END_ARRAY, json.peek(), "each result read exactly");
        assertEquals(Map.of("bulk_1", Set.of("ethernet1")), summary.bound());
        assertEquals(Set.of("bulk_1"), summary.countersOff());
        assertEquals(summary, decoder.decode(2, JsonParser.parseString(SUMMARY).getAsJsonObject()),
                "the parsed form gives the same");
        assertNull(decoder.decode(0, JsonParser.parseString("{}").getAsJsonObject()));
    }

    @Test
    void aCommandResultThatIsNoObjectIsRefusedAsTheTreeWouldBe() {
        WriteDecoder decoder = new WriteDecoder(1);

        assertThrows(IllegalStateException.class, () -> decoder.decode(0, new JsonReader(new StringReader("[]"))));
        assertThrows(IllegalStateException.class, () -> decoder.decode(0, new JsonReader(new StringReader("\"ok\""))));
    }
}
