package org.dumbno.acl;

import java.time.Instant;
import java.util.Objects;
import org.dumbno.rule.Rule;

/**
 * One line of an access list as the switch reports it.
 *
 * @param sequence the entry's sequence number
 * @param action {@code permit}, {@code deny} or whatever word the text starts with
 * @param rule the entry's rule; null when the text after the action is not a rule dumbno reads
 * @param text the entry's text as the switch stores it, action included
 * @param packetCount packets matched so far (0 when the switch reports none)
 * @param lastChanged when the switch last counted a packet for it ({@code lastChangedTime}); null
 *     when the switch does not say
 * @param byteCount bytes matched so far (0 when the switch reports none)
 */
public record AclEntry(long sequence, String action, Rule rule, String text, long packetCount, Instant lastChanged,
        long byteCount) {

    /** A line for which the switch gives no time of last change. */
    public AclEntry(long sequence, String action, Rule rule, String text, long packetCount) {
        this(sequence, action, rule, text, packetCount, null);
    }

    /** A line for which the switch gives no byte count. */
    public AclEntry(long sequence, String action, Rule rule, String text, long packetCount, Instant lastChanged) {
        this(sequence, action, rule, text, packetCount, lastChanged, 0);
    }

    public AclEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(text, "text");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence (" + sequence + ") must be positive");
        }
        if (packetCount < 0) {
            throw new IllegalArgumentException("packetCount (" + packetCount + ") must not be negative");
        }
        if (byteCount < 0) {
            throw new IllegalArgumentException("byteCount (" + byteCount + ") must not be negative");
        }
    }

    /** Whether this entry denies traffic. */
    public boolean isDeny() {
        return action.equals("deny");
    }
}
