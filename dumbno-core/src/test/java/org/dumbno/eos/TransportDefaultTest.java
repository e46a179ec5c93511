package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.junit.jupiter.api.Test;

/** The default {@link Transport#runCmds(List, Transport.ResultDecoder)} decodes parsed results. */
class TransportDefaultTest {

    private static final Transport.ResultDecoder<String> KEYS = new Transport.ResultDecoder<>() {
        @Override
        public String decode(int index, JsonReader json) {
            throw new IllegalStateException("the default decodes parsed results");
        }

        @Override
        public String decode(int index, JsonObject result) {
            return index + ":" + String.join(",", result.keySet());
        }
    };

    @Test
    void decodesEachParsedResultWithItsIndex() throws SwitchException {
        try (ScriptedTransport scripted = new ScriptedTransport()) {
            scripted.then("{\"aclList\": []}", "{}", "{\"interfaces\": {}}");
            List<String> decoded = scripted.runCmds(List.of("show ip access-lists a", "enable",
                    "show interfaces counters"), KEYS);

            assertEquals(List.of("0:aclList", "1:", "2:interfaces"), decoded);
        }
    }

    @Test
    void givesNullsBackAndCannotBeChanged() throws SwitchException {
        Transport.ResultDecoder<String> nothing = new Transport.ResultDecoder<>() {
            @Override
            public String decode(int index, JsonReader json) {
                return null;
            }

            @Override
            public String decode(int index, JsonObject result) {
                return null;
            }
        };
        try (ScriptedTransport scripted = new ScriptedTransport()) {
            List<String> decoded = scripted.runCmds(List.of("enable"), nothing);

            assertEquals(new ArrayList<>(java.util.Collections.singletonList(null)), decoded);
            assertThrows(UnsupportedOperationException.class, () -> decoded.add("x"));
        }
    }
}
