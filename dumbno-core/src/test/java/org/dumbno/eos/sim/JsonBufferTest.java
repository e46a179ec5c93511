package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers and strings in the bytes are what Gson prints for them. */
class JsonBufferTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 9, 10, 99, 100, 4_294_967_295L, Long.MAX_VALUE, -1, Long.MIN_VALUE})
    void numbersPrintAsGsonPrintsThem(long value) {
        JsonBuffer out = new JsonBuffer(1).ascii("[").number(value).ascii("]");
        assertEquals("[" + new JsonPrimitive(value) + "]", new String(out.toBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "deny ip any any", "a\"b", "a\\b", "tab\there", "caf\u00e9", "line\u2028sep"})
    void stringsPrintAsGsonPrintsThem(String value) {
        JsonBuffer out = new JsonBuffer(1).string(value, JsonBuffer.isPlain(value));
        assertEquals(new JsonPrimitive(value).toString(), new String(out.toBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https", "ip any any", ""})
    void threePlainPiecesPrintAsTheirJoinedStringPrints(String rule) {
        JsonBuffer out = new JsonBuffer(1).ascii("[").plainString("deny", " ", rule).ascii("]");
        assertEquals("[" + new JsonPrimitive("deny " + rule) + "]", new String(out.toBytes(), StandardCharsets.UTF_8));
    }
}
