package org.dumbno.eos;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code show ip|ipv6 access-lists summary}: each list the switch has, with the interfaces it is
 * configured on inbound. Read defensively: a list without a name is skipped, an interface may be
 * an object with a {@code name} or a plain string, a missing interface list is empty.
 *
 * @param bound interface names (lower case) by list name, for every list the switch has
 * @param countersOff the lists the summary says do not count per entry ({@code countersEnabled: false})
 */
record AclSummary(Map<String, Set<String>> bound, Set<String> countersOff) {

    AclSummary {
        bound = Map.copyOf(bound);
        countersOff = Set.copyOf(countersOff);
    }

    static AclSummary read(JsonObject result) {
        Map<String, Set<String>> bound = new HashMap<>();
        Set<String> countersOff = new HashSet<>();
        JsonElement lists = result.get("aclList");
        if (lists == null || !lists.isJsonArray()) {
            return new AclSummary(bound, countersOff);
        }
        for (JsonElement element : lists.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                continue;
            }
            JsonObject list = element.getAsJsonObject();
            String name = string(list.get("name"));
            JsonElement counters = list.get("countersEnabled");
            if (name != null && counters != null && counters.isJsonPrimitive()
                    && counters.getAsJsonPrimitive().isBoolean() && !counters.getAsBoolean()) {
                countersOff.add(name);
            }
            if (name != null) {
                bound.merge(name, interfaces(list.get("configuredIngressIntfs")), (a, b) -> {
                    Set<String> both = new HashSet<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        }
        return new AclSummary(bound, countersOff);
    }

    private static Set<String> interfaces(JsonElement value) {
        Set<String> names = new HashSet<>();
        if (value == null || !value.isJsonArray()) {
            return names;
        }
        for (JsonElement item : (JsonArray) value) {
            String name = item.isJsonObject() ? string(item.getAsJsonObject().get("name")) : string(item);
            if (name != null) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String string(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? value.getAsString() : null;
    }

    /** Whether the switch lists {@code name}. */
    boolean has(String name) {
        return bound.containsKey(name);
    }

    /** Whether {@code name} is bound inbound on {@code iface}. */
    boolean boundOn(String name, String iface) {
        return bound.getOrDefault(name, Set.of()).contains(iface.toLowerCase(Locale.ROOT));
    }
}
