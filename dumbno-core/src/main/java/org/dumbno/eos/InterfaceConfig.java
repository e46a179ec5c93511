package org.dumbno.eos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The configuration lines of one interface, from {@code show running-config interfaces X}: the
 * text answer ({@code output}) or the structured JSON one ({@code cmds}, nested).
 */
final class InterfaceConfig {
    private InterfaceConfig() {
    }

    /** Every configuration line found in the result, stripped of indentation. */
    static Set<String> lines(JsonObject result) {
        Set<String> lines = new HashSet<>();
        JsonElement output = result.get("output");
        if (output != null && output.isJsonPrimitive()) {
            for (String line : output.getAsString().split("\n")) {
                lines.add(line.strip().replaceAll(" +", " "));
            }
        }
        collect(result.get("cmds"), lines);
        return lines;
    }

    private static void collect(JsonElement cmds, Set<String> lines) {
        if (cmds == null || !cmds.isJsonObject()) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry : cmds.getAsJsonObject().entrySet()) {
            lines.add(entry.getKey().strip().replaceAll(" +", " "));
            if (entry.getValue().isJsonObject()) {
                collect(entry.getValue().getAsJsonObject().get("cmds"), lines);
            }
        }
    }
}
