package org.dumbno.eos.sim;

import java.time.Instant;
import org.dumbno.rule.Rule;

/**
 * One configured ACL entry with its live counters; guarded by the switch's lock. A list may hold
 * tens of thousands, so an entry keeps only what is its own: its number (four bytes, as EOS's are),
 * its action (a bit), its rule (shared with the other lists one call writes the rule into) and its
 * counters; what it counts while the counters are stale is kept apart, made only then, and its
 * place among the entries for the same flow is the {@linkplain MatchIndex match index}'s.
 */
final class LiveEntry {
    /** The sequence number, 1 to {@link AccessList#MAX_SEQUENCE}, as an unsigned int. */
    private final int sequence;
    /** The action: permit when true, else deny. */
    private final boolean permit;
    final Rule rule;
    /** Whether the shown text goes into JSON as it is, with nothing to escape (judged once per rule read). */
    final boolean plainText;
    boolean programmed;
    long packets;
    long bytes;
    Instant lastChanged;
    /** Counted while the list's counters were stale: not shown until they are current again; null when none. */
    private Held held;

    /** Counts the switch has not yet brought into the counters it shows. */
    private static final class Held {
        long packets;
        long bytes;
        Instant changed;
    }

    LiveEntry(long sequence, SimulatedEntry.Action action, Rule rule) {
        this(sequence, action, rule, JsonBuffer.isPlain(rule.canonicalText()));
    }

    /** An entry whose rule's canonical text is known to be, or not to be, {@linkplain JsonBuffer#isPlain plain}. */
    LiveEntry(long sequence, SimulatedEntry.Action action, Rule rule, boolean plainText) {
        if (sequence < 1 || sequence > AccessList.MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence " + sequence + " is out of range");
        }
        this.sequence = (int) sequence;
        this.permit = action == SimulatedEntry.Action.PERMIT;
        this.rule = rule;
        this.plainText = plainText;
    }

    long sequence() {
        return Integer.toUnsignedLong(sequence);
    }

    SimulatedEntry.Action action() {
        return permit ? SimulatedEntry.Action.PERMIT : SimulatedEntry.Action.DENY;
    }

    /** The line as EOS shows it: {@code ACTION RULE}. */
    String text() {
        return action().keyword() + " " + rule.canonicalText();
    }

    /** Writes {@link #text()} into {@code out} as a JSON string, without building it when it is plain. */
    void writeText(JsonBuffer out) {
        if (plainText) {
            out.plainString(action().keyword(), " ", rule.canonicalText());
        } else {
            out.string(text(), false);
        }
    }

    void count(long addPackets, long addBytes, Instant now) {
        packets += addPackets;
        bytes += addBytes;
        lastChanged = now;
    }

    /** Counts packets the switch has not yet brought into the counters it shows. */
    void hold(long addPackets, long addBytes, Instant now) {
        if (held == null) {
            held = new Held();
        }
        held.packets += addPackets;
        held.bytes += addBytes;
        held.changed = now;
    }

    /** Brings held counts into the shown ones: the counters are current again. */
    void release() {
        if (held != null) {
            count(held.packets, held.bytes, held.changed);
        }
        held = null;
    }

    void clear() {
        held = null;
        packets = 0;
        bytes = 0;
        lastChanged = null;
    }

    SimulatedEntry snapshot() {
        return new SimulatedEntry(sequence(), action(), rule, packets, bytes, programmed);
    }
}
