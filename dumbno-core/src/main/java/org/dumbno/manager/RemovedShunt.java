package org.dumbno.manager;

import java.time.Duration;
import java.util.Objects;
import org.dumbno.rule.Rule;

/**
 * A shunt that left the switch, with what its lines matched while they stood.
 *
 * @param rule the shunt's rule; null when the line's text was not a rule dumbno reads
 * @param sequence its sequence number
 * @param reason why it went
 * @param packets packets its lines matched, summed over the lists it was in, as last read
 * @param bytes bytes its lines matched, likewise (0 where the switch does not count bytes)
 * @param age how long it stood: from its first line's writing (or first sighting) to its removal
 */
public record RemovedShunt(Rule rule, long sequence, RemovalReason reason, long packets, long bytes, Duration age) {

    public RemovedShunt {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(age, "age");
    }
}
