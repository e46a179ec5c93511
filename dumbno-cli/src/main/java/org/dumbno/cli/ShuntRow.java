package org.dumbno.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dumbno.eos.AclKey;

/**
 * One managed entry as {@code dumbno list} shows it, read from {@code show ip|ipv6 access-lists}.
 *
 * @param acl the list's name
 * @param family {@code ip} or {@code ipv6}
 * @param sequence the entry's sequence number
 * @param rule its text after the action, as the switch stores it
 * @param matches packets counted
 * @param idleFor time since the switch last counted a packet ({@code lastChangedTime}); empty when
 *     the switch does not say
 */
record ShuntRow(String acl, String family, long sequence, String rule, long matches, Optional<Duration> idleFor) {

    static final Comparator<ShuntRow> ORDER = Comparator.comparingLong(ShuntRow::sequence)
            .thenComparing(ShuntRow::family).thenComparing(ShuntRow::acl);

    ShuntRow {
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(idleFor, "idleFor");
    }

    /** The entries strictly between {@code seqMin} and {@code seqMax} of one list's show result. */
    static List<ShuntRow> read(AclKey acl, JsonObject show, long seqMin, long seqMax, Instant now) {
        List<ShuntRow> rows = new ArrayList<>();
        for (JsonElement list : array(show, "aclList")) {
            JsonObject named = list.getAsJsonObject();
            if (!named.has("name") || !acl.name().equals(named.get("name").getAsString())) {
                continue;
            }
            for (JsonElement line : array(named, "sequence")) {
                JsonObject entry = line.getAsJsonObject();
                long sequence = entry.get("sequenceNumber").getAsLong();
                if (sequence > seqMin && sequence < seqMax) {
                    rows.add(row(acl, sequence, entry, now));
                }
            }
        }
        return rows;
    }

    private static ShuntRow row(AclKey acl, long sequence, JsonObject entry, Instant now) {
        String text = entry.has("text") ? entry.get("text").getAsString().strip() : "";
        int space = text.indexOf(' ');
        String rule = space < 0 ? text : text.substring(space + 1);
        JsonObject counters = entry.has("counterData") && entry.get("counterData").isJsonObject()
                ? entry.getAsJsonObject("counterData") : new JsonObject();
        long packets = number(counters, "packetCount").map(Number::longValue).orElse(0L);
        Optional<Duration> idle = number(counters, "lastChangedTime").map(seconds -> {
            Instant changed = Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
            Duration since = Duration.between(changed, now);
            return since.isNegative() ? Duration.ZERO : since;
        });
        return new ShuntRow(acl.name(), acl.family().keyword(), sequence, rule, packets, idle);
    }

    private static Optional<Number> number(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        return Optional.of(value.getAsNumber());
    }

    private static JsonArray array(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
    }

    /** {@code H:MM:SS}, as the log's {@code ago=} field, or {@code -} when unknown. */
    String idleText() {
        return idleFor.map(ShuntRow::clock).orElse("-");
    }

    static String clock(Duration elapsed) {
        long seconds = Math.max(0, elapsed.getSeconds());
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** The row as a JSON object; {@code idle_for} in whole seconds, or null when unknown. */
    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("acl", acl);
        json.addProperty("family", family);
        json.addProperty("seq", sequence);
        json.addProperty("rule", rule);
        json.addProperty("matches", matches);
        if (idleFor.isPresent()) {
            json.addProperty("idle_for", idleFor.get().getSeconds());
        } else {
            json.add("idle_for", com.google.gson.JsonNull.INSTANCE);
        }
        return json;
    }
}
