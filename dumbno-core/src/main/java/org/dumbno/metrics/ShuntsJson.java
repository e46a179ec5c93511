package org.dumbno.metrics;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclKey;
import org.dumbno.manager.ActiveShunt;

/**
 * What {@code /-/shunts} answers: the engine's shunts as it last read or wrote them, one object
 * per line (a shunt in each list of its family), with the packets per second it matched over the
 * last sweep ({@code null} before two counts of it were trusted), and the name of the switch it is
 * on ({@code switch}). {@code dumbno list} joins these to the lines it reads from the switch.
 */
final class ShuntsJson {
    static final String PATH = "/-/shunts";

    private ShuntsJson() {
    }

    /** The lines of every switch's shunts, switch by switch in {@code bySwitch}'s order. */
    static String of(Map<String, List<ActiveShunt>> bySwitch) {
        JsonArray lines = new JsonArray();
        bySwitch.forEach((name, shunts) -> add(lines, name, shunts));
        return new GsonBuilder().serializeNulls().create().toJson(lines) + "\n";
    }

    private static void add(JsonArray lines, String switchName, List<ActiveShunt> shunts) {
        for (ActiveShunt shunt : shunts) {
            for (Map.Entry<AclKey, Long> count : shunt.packetCounts().entrySet()) {
                AclKey acl = count.getKey();
                JsonObject line = new JsonObject();
                line.addProperty("switch", switchName);
                line.addProperty("acl", acl.name());
                line.addProperty("family", acl.family().keyword());
                line.addProperty("seq", shunt.sequence());
                line.addProperty("matches", count.getValue());
                Double rate = shunt.packetRates().get(acl);
                if (rate != null) {
                    line.addProperty("packets_per_second", rate);
                } else {
                    line.add("packets_per_second", JsonNull.INSTANCE);
                }
                lines.add(line);
            }
        }
    }
}
