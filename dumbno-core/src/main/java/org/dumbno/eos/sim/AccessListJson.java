package org.dumbno.eos.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code show ip|ipv6 access-lists} in eAPI's JSON model and in the CLI's text. The JSON is built
 * as a tree, or written as text straight from the lists (a read of lists of thousands of entries
 * builds no object per entry); both give the same JSON.
 */
final class AccessListJson {
    private AccessListJson() {
    }

    /** {@code show ip|ipv6 access-lists [NAME]}, taken now: each list with its entries. */
    static Result render(Collection<AccessList> lists, SwitchState state) {
        return result(lists, state, true);
    }

    /** {@code show ip|ipv6 access-lists summary}: each list with its bindings, without entries. */
    static Result summary(Collection<AccessList> lists, SwitchState state) {
        return result(lists, state, false);
    }

    /** The result as the lists are now; used before the next command changes them. */
    private static Result result(Collection<AccessList> lists, SwitchState state, boolean withEntries) {
        return new Result() {
            @Override
            public JsonObject tree() {
                return render(lists, state, withEntries);
            }

            @Override
            public byte[] json() {
                return AccessListJson.json(lists, state, withEntries);
            }
        };
    }

    /**
     * Prints what {@link #render(Collection, SwitchState, boolean)} builds, as that tree prints, straight
     * from the lists into UTF-8.
     */
    private static byte[] json(Collection<AccessList> lists, SwitchState state, boolean withEntries) {
        int size = 64;
        for (AccessList acl : lists) {
            size += 256 + (withEntries ? acl.entries().size() * ENTRY_BYTES : 0);
        }
        JsonBuffer out = new JsonBuffer(size).ascii("{\"aclList\":[");
        String comma = "";
        for (AccessList acl : lists) {
            out.ascii(comma).ascii("{\"name\":").string(acl.name, JsonBuffer.isPlain(acl.name))
                    .ascii(",\"type\":\"").ascii(type(acl))
                    .ascii("\",\"countersEnabled\":").bool(acl.countersPerEntry)
                    .ascii(",\"staleCounters\":").bool(acl.staleCounters)
                    .ascii(",\"countersIncomplete\":false,\"readOnly\":false,\"dynamic\":false,\"chipBased\":false")
                    .ascii(",\"configuredIngressIntfs\":[");
            String nameComma = "";
            for (String name : boundTo(acl, state)) {
                out.ascii(nameComma).ascii("{\"name\":").string(name, JsonBuffer.isPlain(name)).ascii("}");
                nameComma = ",";
            }
            out.ascii("],\"configuredEgressIntfs\":[]");
            if (withEntries) {
                out.ascii(",\"sequence\":[");
                sequence(acl, out);
                out.ascii("]");
            }
            out.ascii("}");
            comma = ",";
        }
        return out.ascii("]}").toBytes();
    }

    /** The bytes one entry takes, about: enough that a list's text is seldom copied to grow. */
    private static final int ENTRY_BYTES = 150;

    private static void sequence(AccessList acl, JsonBuffer out) {
        String comma = "{\"sequenceNumber\":";
        for (LiveEntry entry : acl.entries()) {
            out.ascii(comma).number(entry.sequence()).ascii(",\"text\":");
            entry.writeText(out);
            out.ascii(",\"counterData\":{");
            if (entry.packets != 0 && acl.countersPerEntry) {
                out.ascii("\"packetCount\":").number(entry.packets).ascii(",");
            }
            out.ascii("\"byteCount\":").number(entry.bytes);
            if (entry.lastChanged != null) {
                out.ascii(",\"lastChangedTime\":").ascii(Double.toString(entry.lastChanged.toEpochMilli() / 1000.0));
            }
            out.ascii("}}");
            comma = ",{\"sequenceNumber\":";
        }
    }

    private static String type(AccessList acl) {
        return acl.family == org.dumbno.rule.Family.IP ? "Ip4Acl" : "Ip6Acl";
    }

    private static JsonObject render(Collection<AccessList> lists, SwitchState state, boolean withEntries) {
        JsonArray aclList = new JsonArray();
        for (AccessList acl : lists) {
            JsonObject json = new JsonObject();
            json.addProperty("name", acl.name);
            json.addProperty("type", type(acl));
            json.addProperty("countersEnabled", acl.countersPerEntry);
            json.addProperty("staleCounters", acl.staleCounters);
            json.addProperty("countersIncomplete", false);
            json.addProperty("readOnly", false);
            json.addProperty("dynamic", false);
            json.addProperty("chipBased", false);
            json.add("configuredIngressIntfs", Shows.names(boundTo(acl, state)));
            json.add("configuredEgressIntfs", new JsonArray());
            if (withEntries) {
                json.add("sequence", sequence(acl));
            }
            aclList.add(json);
        }
        JsonObject result = new JsonObject();
        result.add("aclList", aclList);
        return result;
    }

    private static JsonArray sequence(AccessList acl) {
        JsonArray sequence = new JsonArray();
        for (LiveEntry entry : acl.entries()) {
            JsonObject counters = new JsonObject();
            if (entry.packets != 0 && acl.countersPerEntry) {
                counters.addProperty("packetCount", entry.packets);
            }
            counters.addProperty("byteCount", entry.bytes);
            if (entry.lastChanged != null) {
                counters.addProperty("lastChangedTime", entry.lastChanged.toEpochMilli() / 1000.0);
            }
            JsonObject json = new JsonObject();
            json.addProperty("sequenceNumber", entry.sequence());
            json.addProperty("text", entry.text());
            json.add("counterData", counters);
            sequence.add(json);
        }
        return sequence;
    }

    private static List<String> boundTo(AccessList acl, SwitchState state) {
        List<String> names = new ArrayList<>();
        for (Port port : state.ports()) {
            if (acl.name.equals(port.ingressAcls.get(acl.family))) {
                names.add(port.name);
            }
        }
        return names;
    }

    /** The summary as the CLI prints it: each list, its counters and the interfaces it is bound to. */
    static String summaryText(Collection<AccessList> lists, SwitchState state) {
        StringBuilder out = new StringBuilder();
        for (AccessList acl : lists) {
            out.append(acl.family.keyword().toUpperCase(java.util.Locale.ROOT)).append(" ACL ").append(acl.name)
                    .append(acl.countersPerEntry ? "" : " (counters off)")
                    .append(acl.staleCounters ? " (stale counters)" : "").append('\n')
                    .append("        Total rules configured: ").append(acl.entries().size()).append('\n')
                    .append("        Configured on Ingress: ").append(String.join(",", boundTo(acl, state)))
                    .append('\n');
        }
        return out.toString();
    }

    /** The CLI's rendering: a header per list, then one line per entry with its match count. */
    static String text(Collection<AccessList> lists, SwitchState state) {
        StringBuilder out = new StringBuilder();
        Instant now = state.clock.instant();
        for (AccessList acl : lists) {
            out.append(acl.family.keyword().toUpperCase(java.util.Locale.ROOT))
                    .append(" Access List ").append(acl.name).append('\n');
            if (acl.countersPerEntry) {
                out.append("        counters per-entry\n");
            }
            for (LiveEntry entry : acl.entries()) {
                out.append("        ").append(entry.sequence()).append(' ').append(entry.action().keyword()).append(' ')
                        .append(entry.rule.canonicalText());
                if (entry.packets != 0 && entry.lastChanged != null && acl.countersPerEntry) {
                    out.append(" [match ").append(entry.packets).append(" packets, ")
                            .append(ago(Duration.between(entry.lastChanged, now))).append(" ago]");
                }
                out.append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String ago(Duration elapsed) {
        long seconds = Math.max(0, elapsed.getSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
