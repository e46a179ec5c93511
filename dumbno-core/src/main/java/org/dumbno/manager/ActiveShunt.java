package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
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
 */
public record ActiveShunt(Rule rule, String text, long sequence, Map<AclKey, Long> packetCounts,
        Instant addedAt, Duration idleFor) {

    public ActiveShunt {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(idleFor, "idleFor");
        packetCounts = Map.copyOf(packetCounts);
    }

    /** Packets matched over every list. */
    public long totalPackets() {
        return packetCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
