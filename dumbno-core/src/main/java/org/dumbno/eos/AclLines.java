package org.dumbno.eos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;

/**
 * Builds the entries of one list as its lines are read, reusing the entry of the previous read
 * for a line whose number and text are unchanged, so that its rule text is not parsed again.
 */
final class AclLines {
    private static final String DENY = "deny";
    private static final String PERMIT = "permit";
    private static final Comparator<AclEntry> BY_SEQUENCE = Comparator.comparingLong(AclEntry::sequence);

    private final AclKey acl;
    private final RuleCache rules;
    private final AclEntry[] previous;
    private final List<AclEntry> entries;
    private boolean sorted = true;

    /**
     * @param previous the entries of the previous read, by sequence number
     */
    AclLines(AclKey acl, RuleCache rules, AclEntry[] previous, int expected) {
        this.acl = acl;
        this.rules = rules;
        this.previous = previous;
        this.entries = new ArrayList<>(expected);
    }

    /**
     * Adds the line {@code number text} with its packet and byte counts and time of last change
     * ({@code text} as the switch sent it; {@code lastChanged} null when the switch does not say).
     */
    void add(long number, String text, long packets, long bytes, Instant lastChanged) {
        long count = Math.max(0, packets);
        long octets = Math.max(0, bytes);
        AclEntry before = previous(number);
        AclEntry entry;
        if (before != null && before.text().equals(text)) {
            entry = before.packetCount() == count && before.byteCount() == octets
                    && Objects.equals(before.lastChanged(), lastChanged) ? before
                    : new AclEntry(number, before.action(), before.rule(), text, count, lastChanged, octets);
        } else {
            entry = parse(number, text.strip(), count, octets, lastChanged);
        }
        if (!entries.isEmpty() && entries.get(entries.size() - 1).sequence() >= number) {
            sorted = false;
        }
        entries.add(entry);
    }

    /** The lines read, in the switch's order. */
    List<AclEntry> entries() {
        return entries;
    }

    /** The lines read, by sequence number: the {@code previous} of the next read. */
    AclEntry[] bySequence() {
        AclEntry[] array = entries.toArray(AclEntry[]::new);
        if (!sorted) {
            Arrays.sort(array, BY_SEQUENCE);
        }
        return array;
    }

    private AclEntry previous(long number) {
        int low = 0;
        int high = previous.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long sequence = previous[middle].sequence();
            if (sequence < number) {
                low = middle + 1;
            } else if (sequence > number) {
                high = middle - 1;
            } else {
                return previous[middle];
            }
        }
        return null;
    }

    private AclEntry parse(long number, String text, long packets, long bytes, Instant lastChanged) {
        int space = text.indexOf(' ');
        String action = space < 0 ? text : action(text, space);
        org.dumbno.rule.Rule rule = space < 0 ? null : rules.rule(acl.family(), text.substring(space + 1));
        return new AclEntry(number, action, rule, text, packets, lastChanged, bytes);
    }

    /**
     * The first word of {@code text}, ending at {@code space}: {@code deny} and {@code permit} as
     * one string each, shared by every line. A sweep asks tens of thousands of lines whether they
     * deny, and a word of each line's own is two more objects to hold and to reach.
     */
    private static String action(String text, int space) {
        if (space == DENY.length() && text.startsWith(DENY)) {
            return DENY;
        }
        if (space == PERMIT.length() && text.startsWith(PERMIT)) {
            return PERMIT;
        }
        return text.substring(0, space);
    }
}
