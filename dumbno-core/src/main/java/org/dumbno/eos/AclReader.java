package org.dumbno.eos;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dumbno.rule.Rule;

/** Reads the JSON of {@code show ip|ipv6 access-lists NAME} into entries. */
final class AclReader {
    private final RuleCache rules;
    /** The lines of the previous read, per list and number: an unchanged text is not parsed again. */
    private final Map<AclKey, Map<Long, AclEntry>> previous = new ConcurrentHashMap<>();

    AclReader(RuleCache rules) {
        this.rules = rules;
    }

    /** The ACL as the switch reports it; null when the switch does not know the list. */
    AclState read(AclKey acl, JsonObject result) {
        JsonArray lists = array(result, "aclList");
        for (JsonElement element : lists) {
            JsonObject list = element.getAsJsonObject();
            if (list.has("name") && acl.name().equals(list.get("name").getAsString())) {
                return new AclState(entries(acl, list), countersEnabled(list));
            }
        }
        return null;
    }

    /** Remembers the rule of a line about to be written. */
    void remember(Rule rule) {
        rules.remember(rule);
    }

    /** Ends a read of every managed list: rule texts not seen in it are forgotten. */
    void endGeneration() {
        rules.endGeneration();
    }

    private List<AclEntry> entries(AclKey acl, JsonObject list) {
        JsonArray sequence = array(list, "sequence");
        List<AclEntry> entries = new ArrayList<>(sequence.size());
        Map<Long, AclEntry> known = previous.getOrDefault(acl, Map.of());
        Map<Long, AclEntry> seen = new HashMap<>(sequence.size() * 2);
        for (JsonElement element : sequence) {
            JsonObject line = element.getAsJsonObject();
            Long number = line.get("sequenceNumber").getAsLong();
            JsonElement textElement = line.get("text");
            String text = textElement == null ? "" : textElement.getAsString();
            long packets = packetCount(line);
            AclEntry before = known.get(number);
            AclEntry entry = before != null && before.text().equals(text)
                    ? new AclEntry(number, before.action(), before.rule(), text, packets)
                    : entry(acl, number, text.strip(), packets);
            seen.put(number, entry);
            entries.add(entry);
        }
        previous.put(acl, seen);
        return entries;
    }

    private AclEntry entry(AclKey acl, long number, String text, long packets) {
        int space = text.indexOf(' ');
        String action = space < 0 ? text : text.substring(0, space);
        Rule rule = space < 0 ? null : rules.rule(acl.family(), text.substring(space + 1));
        return new AclEntry(number, action, rule, text, packets);
    }

    private static long packetCount(JsonObject line) {
        JsonElement counters = line.get("counterData");
        if (counters == null || !counters.isJsonObject()) {
            return 0;
        }
        JsonElement packets = counters.getAsJsonObject().get("packetCount");
        return packets == null || packets.isJsonNull() ? 0 : Math.max(0, packets.getAsLong());
    }

    private static Boolean countersEnabled(JsonObject list) {
        JsonElement enabled = list.get("countersEnabled");
        return enabled == null || enabled.isJsonNull() ? null : enabled.getAsBoolean();
    }

    private static JsonArray array(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
    }

    /**
     * One list as read.
     *
     * @param entries its lines
     * @param countersEnabled whether the switch says counters are on; null when it does not say
     */
    record AclState(List<AclEntry> entries, Boolean countersEnabled) {
        AclState {
            entries = List.copyOf(entries);
        }
    }
}
