package org.dumbno.eos.sim;

import java.time.Instant;
import org.dumbno.rule.Rule;

/** One configured ACL entry with its live counters; guarded by the switch's lock. */
final class LiveEntry {
    final long sequence;
    final SimulatedEntry.Action action;
    final Rule rule;
    /** Position in the order entries were configured, for TCAM programming. */
    final long ordinal;
    /** The line as EOS shows it, built once: every show of the list prints it. */
    private final String text;
    /** Whether {@link #text} goes into JSON as it is, with nothing to escape. */
    final boolean plainText;
    boolean programmed;
    /** The next entry of its list, by sequence number, that matches the same one flow ({@link MatchIndex}). */
    LiveEntry sameFlow;
    long packets;
    long bytes;
    Instant lastChanged;
    /** Counted while the list's counters were stale: not shown until they are current again. */
    private long heldPackets;
    private long heldBytes;
    private Instant heldChanged;

    LiveEntry(long sequence, SimulatedEntry.Action action, Rule rule, long ordinal) {
        this(sequence, action, rule, ordinal, action.keyword() + " " + rule.canonicalText());
    }

    /** An entry whose shown text, {@code ACTION RULE} as EOS stores it, is already built. */
    LiveEntry(long sequence, SimulatedEntry.Action action, Rule rule, long ordinal, String text) {
        this.sequence = sequence;
        this.action = action;
        this.rule = rule;
        this.ordinal = ordinal;
        this.text = text;
        this.plainText = JsonBuffer.isPlain(text);
    }

    String text() {
        return text;
    }

    void count(long addPackets, long addBytes, Instant now) {
        packets += addPackets;
        bytes += addBytes;
        lastChanged = now;
    }

    /** Counts packets the switch has not yet brought into the counters it shows. */
    void hold(long addPackets, long addBytes, Instant now) {
        heldPackets += addPackets;
        heldBytes += addBytes;
        heldChanged = now;
    }

    /** Brings held counts into the shown ones: the counters are current again. */
    void release() {
        if (heldChanged != null) {
            count(heldPackets, heldBytes, heldChanged);
        }
        heldPackets = 0;
        heldBytes = 0;
        heldChanged = null;
    }

    void clear() {
        heldPackets = 0;
        heldBytes = 0;
        heldChanged = null;
        packets = 0;
        bytes = 0;
        lastChanged = null;
    }

    SimulatedEntry snapshot() {
        return new SimulatedEntry(sequence, action, rule, packets, bytes, programmed);
    }
}
