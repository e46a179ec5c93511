package org.dumbno.eos;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.EntryWrite;

/**
 * Reads the JSON of {@code show ip|ipv6 access-lists NAME} into entries, from a parsed result or
 * straight off the reply's stream.
 */
final class AclReader {
    private static final AclEntry[] NONE = new AclEntry[0];

    private final RuleCache rules;
    /** The lines of the previous read, per list, by number: an unchanged text is not parsed again. */
    private final Map<AclKey, AclEntry[]> previous = new ConcurrentHashMap<>();

    AclReader(RuleCache rules) {
        this.rules = rules;
    }

    /** The ACL as the switch reports it; null when the switch does not know the list. */
    AclState read(AclKey acl, JsonObject result) {
        for (JsonElement element : array(result, "aclList")) {
            JsonObject list = element.getAsJsonObject();
            if (list.has("name") && acl.name().equals(list.get("name").getAsString())) {
                return new AclState(entries(acl, array(list, "sequence")), flag(list, "countersEnabled"),
                        Boolean.TRUE.equals(flag(list, "staleCounters")),
                        Boolean.TRUE.equals(flag(list, "countersIncomplete")));
            }
        }
        return null;
    }

    /** The ACL as the switch reports it, read from {@code json} at the result's opening brace. */
    AclState read(AclKey acl, JsonReader json) throws IOException {
        AclState found = null;
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("aclList") && json.peek() == JsonToken.BEGIN_ARRAY) {
                json.beginArray();
                while (json.hasNext()) {
                    AclState list = list(acl, json, found == null);
                    found = found == null ? list : found;
                }
                json.endArray();
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return found;
    }

    /** Decodes the results of the show commands of {@code acls}, in that order. */
    Transport.ResultDecoder<AclState> decoder(List<AclKey> acls) {
        return new Transport.ResultDecoder<>() {
            @Override
            public AclState decode(int index, JsonReader json) throws IOException {
                return read(acls.get(index), json);
            }

            @Override
            public AclState decode(int index, JsonObject result) {
                return read(acls.get(index), result);
            }
        };
    }

    /** Remembers the rules of the lines about to be written. */
    void remember(List<EntryWrite> writes) {
        rules.remember(writes);
    }

    /** Ends a read of every managed list: rule texts not seen in it are forgotten. */
    void endGeneration() {
        rules.endGeneration();
    }

    /** One list object; null unless it is {@code acl} and {@code wanted}. */
    private AclState list(AclKey acl, JsonReader json, boolean wanted) throws IOException {
        String name = null;
        Boolean counters = null;
        boolean stale = false;
        boolean incomplete = false;
        AclLines lines = null;
        json.beginObject();
        while (json.hasNext()) {
            String key = json.nextName();
            if (key.equals("name") && json.peek() != JsonToken.NULL) {
                name = json.nextString();
            } else if (key.equals("countersEnabled") && json.peek() == JsonToken.BOOLEAN) {
                counters = json.nextBoolean();
            } else if (key.equals("staleCounters") && json.peek() == JsonToken.BOOLEAN) {
                stale = json.nextBoolean();
            } else if (key.equals("countersIncomplete") && json.peek() == JsonToken.BOOLEAN) {
                incomplete = json.nextBoolean();
            } else if (key.equals("sequence") && wanted && json.peek() == JsonToken.BEGIN_ARRAY) {
                lines = sequence(acl, json);
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        if (!wanted || !acl.name().equals(name)) {
            return null;
        }
        List<AclEntry> entries = lines == null ? List.of() : lines.entries();
        previous.put(acl, lines == null ? NONE : lines.bySequence());
        return new AclState(entries, counters, stale, incomplete);
    }

    private AclLines sequence(AclKey acl, JsonReader json) throws IOException {
        AclEntry[] known = previous.getOrDefault(acl, NONE);
        AclLines lines = new AclLines(acl, rules, known, Math.max(16, known.length));
        json.beginArray();
        while (json.hasNext()) {
            line(json, lines);
        }
        json.endArray();
        return lines;
    }

    private static void line(JsonReader json, AclLines lines) throws IOException {
        long number = 0;
        String text = "";
        long packets = 0;
        long bytes = 0;
        Instant lastChanged = null;
        json.beginObject();
        while (json.hasNext()) {
            String key = json.nextName();
            if (key.equals("sequenceNumber")) {
                number = json.nextLong();
            } else if (key.equals("text") && json.peek() != JsonToken.NULL) {
                text = json.nextString();
            } else if (key.equals("counterData") && json.peek() == JsonToken.BEGIN_OBJECT) {
                json.beginObject();
                while (json.hasNext()) {
                    String counter = json.nextName();
                    if (counter.equals("packetCount") && json.peek() != JsonToken.NULL) {
                        packets = json.nextLong();
                    } else if (counter.equals("byteCount") && json.peek() == JsonToken.NUMBER) {
                        bytes = json.nextLong();
                    } else if (counter.equals("lastChangedTime") && json.peek() == JsonToken.NUMBER) {
                        lastChanged = epochSeconds(json.nextDouble());
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        lines.add(number, text, packets, bytes, lastChanged);
    }

    /** EOS gives times as fractional seconds since the epoch. */
    private static Instant epochSeconds(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    private List<AclEntry> entries(AclKey acl, JsonArray sequence) {
        AclLines lines = new AclLines(acl, rules, previous.getOrDefault(acl, NONE), sequence.size());
        for (JsonElement element : sequence) {
            JsonObject line = element.getAsJsonObject();
            JsonElement text = line.get("text");
            String textValue = text == null || text.isJsonNull() ? "" : text.getAsString();
            lines.add(line.get("sequenceNumber").getAsLong(), textValue, count(line, "packetCount"),
                    count(line, "byteCount"), lastChanged(line));
        }
        previous.put(acl, lines.bySequence());
        return lines.entries();
    }

    private static Instant lastChanged(JsonObject line) {
        JsonElement counters = line.get("counterData");
        if (counters == null || !counters.isJsonObject()) {
            return null;
        }
        JsonElement time = counters.getAsJsonObject().get("lastChangedTime");
        return time != null && time.isJsonPrimitive() && time.getAsJsonPrimitive().isNumber()
                ? epochSeconds(time.getAsDouble()) : null;
    }

    private static long count(JsonObject line, String name) {
        JsonElement counters = line.get("counterData");
        if (counters == null || !counters.isJsonObject()) {
            return 0;
        }
        JsonElement count = counters.getAsJsonObject().get(name);
        return count == null || count.isJsonNull() ? 0 : count.getAsLong();
    }

    private static Boolean flag(JsonObject list, String key) {
        JsonElement value = list.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                ? value.getAsBoolean() : null;
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
     * @param staleCounters whether the switch says the counts are not current
     * @param countersIncomplete whether the switch says some counts are missing
     */
    record AclState(List<AclEntry> entries, Boolean countersEnabled, boolean staleCounters,
            boolean countersIncomplete) {
        AclState {
            entries = List.copyOf(entries);
        }
    }
}
