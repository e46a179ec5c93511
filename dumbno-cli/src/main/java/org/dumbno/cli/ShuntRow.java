package org.dumbno.cli;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;

/**
 * One managed entry as {@code dumbno list} shows it.
 *
 * @param acl the list's name
 * @param family {@code ip} or {@code ipv6}
 * @param sequence the entry's sequence number
 * @param rule its text after the action, as the switch stores it
 * @param matches packets counted
 * @param idleFor time since the switch last counted a packet ({@code lastChangedTime}); empty when
 *     the switch does not say
 * @param packetsPerSecond packets per second over the running dumbno's last sweep; empty when it
 *     did not say
 */
record ShuntRow(String acl, String family, long sequence, String rule, long matches, Optional<Duration> idleFor,
        OptionalDouble packetsPerSecond) {

    static final Comparator<ShuntRow> ORDER = Comparator.comparingLong(ShuntRow::sequence)
            .thenComparing(ShuntRow::family).thenComparing(ShuntRow::acl);

    ShuntRow {
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(idleFor, "idleFor");
        Objects.requireNonNull(packetsPerSecond, "packetsPerSecond");
    }

    /** The entries strictly between {@code seqMin} and {@code seqMax} of one list, as read from the switch. */
    static List<ShuntRow> of(AclKey acl, List<AclEntry> entries, long seqMin, long seqMax, Instant now) {
        List<ShuntRow> rows = new ArrayList<>();
        for (AclEntry entry : entries) {
            if (entry.sequence() > seqMin && entry.sequence() < seqMax) {
                rows.add(row(acl, entry, now));
            }
        }
        return rows;
    }

    private static ShuntRow row(AclKey acl, AclEntry entry, Instant now) {
        String text = entry.text().strip();
        int space = text.indexOf(' ');
        String rule = space < 0 ? text : text.substring(space + 1);
        Optional<Duration> idle = Optional.ofNullable(entry.lastChanged()).map(changed -> {
            Duration since = Duration.between(changed, now);
            return since.isNegative() ? Duration.ZERO : since;
        });
        return new ShuntRow(acl.name(), acl.family().keyword(), entry.sequence(), rule, entry.packetCount(), idle,
                OptionalDouble.empty());
    }

    /** This row with the rate the running dumbno measured for its line. */
    ShuntRow withRate(SweptRates rates) {
        return new ShuntRow(acl, family, sequence, rule, matches, idleFor, rates.of(this));
    }

    /** Packets per second with one decimal, or {@code -} when unknown. */
    String rateText() {
        return packetsPerSecond.isPresent()
                ? String.format(java.util.Locale.ROOT, "%.1f", packetsPerSecond.getAsDouble()) : "-";
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
        if (packetsPerSecond.isPresent()) {
            json.addProperty("packets_per_second", packetsPerSecond.getAsDouble());
        } else {
            json.add("packets_per_second", com.google.gson.JsonNull.INSTANCE);
        }
        return json;
    }
}
