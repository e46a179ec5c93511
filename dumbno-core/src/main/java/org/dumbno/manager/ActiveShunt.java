package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Rule;

/**
 * One shunt on the switch as the engine last saw it.
 *
 * @param rule what it denies; null when the switch's text is not a rule dumbno reads
 * @param text the line's text as the switch stores it
 * @param sequence its sequence number
 * @param packetCounts packets matched, per list that holds it
 * @param addedAt when dumbno wrote it, or first saw it
 * @param idleFor how long since its counters last moved
 * @param packetRates packets per second matched over the last sweep, per list that holds it and
 *     was counted twice in a way the engine trusts (its writing or first sighting, then a sweep)
 */
public record ActiveShunt(Rule rule, String text, long sequence, Map<AclKey, Long> packetCounts,
        Instant addedAt, Duration idleFor, Map<AclKey, Double> packetRates) {

    public ActiveShunt {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(idleFor, "idleFor");
        packetCounts = Map.copyOf(packetCounts);
        packetRates = Map.copyOf(packetRates);
    }

    /** Packets matched over every list. */
    public long totalPackets() {
        return packetCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Packets per second over the last sweep, over every list; empty before a list has a rate. */
    public OptionalDouble packetsPerSecond() {
        return packetRates.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(packetRates.values().stream().mapToDouble(Double::doubleValue).sum());
    }
}
