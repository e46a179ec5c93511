package org.dumbno.manager;

import java.time.Instant;
import java.util.OptionalDouble;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Rule;

/** What the engine knows of one managed line of one access list. Guarded by the engine's lock. */
final class EntryState {
    private static final String DENY = "deny ";
    private static final RemovalReason[] REASONS = RemovalReason.values();

    final AclKey acl;
    /** Its number, unsigned: EOS numbers go up to 2^32 - 1, and an int keeps the state at 56 bytes. */
    private final int number;
    /**
     * Its text as the switch shows it; null for a line dumbno wrote and has not read back yet,
     * which is {@code deny} and its rule's canonical text (kept once, in the rule, however many
     * lists and switches hold it).
     */
    private String text;
    final Rule rule;
    final Instant addedAt;
    Instant lastChange;
    /** Why the engine is removing it, as the reason's ordinal plus one; 0 while it is not. */
    private byte removal;
    /**
     * Whether a call that was to evict it ended without saying whether it ran (the answer was
     * lost): should the next read find it gone, it went as {@link RemovalReason#EVICTED}.
     */
    boolean evicting;
    /** The generation of the last read that showed it (an int, so that the state fits 56 bytes). */
    int seenInRead;
    /** When a sweep removes it however busy it is (a per-shunt hard timeout); null for never. */
    Instant deadline;
    /** Set when it was its number's last line: what all the number's lines matched. */
    ShuntTable.Tally lifetime;
    /** Whether a sweep skipped judging it because its list's counts were untrusted, not yet judged since. */
    boolean judgementSkipped;
    /**
     * Its counts as last read, at the previous sweep, at its first sighting and at the last sweeps
     * (for the packets per second it matches); null while it has counted nothing and no sweep has
     * seen it. A burst writes thousands of lines with no count yet, so none of them holds one
     * before it is needed (and the state fits 56 bytes).
     */
    private PacketRate rate;

    /** A line; {@code text} null for a deny of {@code rule} as dumbno writes it. */
    EntryState(AclKey acl, long sequence, String text, Rule rule, long packets, Instant addedAt) {
        if (sequence < 1 || sequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sequence (" + sequence + ") must be 1-4294967295");
        }
        this.acl = acl;
        this.number = (int) sequence;
        this.text = text;
        this.rule = rule;
        this.addedAt = addedAt;
        this.lastChange = addedAt;
        this.rate = packets == 0 ? null : new PacketRate(packets, addedAt);
    }

    /** Its sequence number. */
    long sequence() {
        return Integer.toUnsignedLong(number);
    }

    /** Why the engine is removing it; null while it is not. */
    RemovalReason removing() {
        return removal == 0 ? null : REASONS[removal - 1];
    }

    /** Takes why the engine is removing it; null when it no longer is. */
    void removing(RemovalReason reason) {
        removal = reason == null ? 0 : (byte) (reason.ordinal() + 1);
    }

    private PacketRate rate() {
        if (rate == null) {
            rate = new PacketRate(0, addedAt);
        }
        return rate;
    }

    /** The packets it matched, as last read. */
    long packets() {
        return rate == null ? 0 : rate.current;
    }

    /** The bytes it matched, as last read. */
    long bytes() {
        return rate == null ? 0 : rate.bytes;
    }

    /** Takes the counts a read showed. */
    void counted(long packets, long bytes) {
        if (rate != null || packets != 0 || bytes != 0) {
            PacketRate counts = rate();
            counts.current = packets;
            counts.bytes = bytes;
        }
    }

    /** The packet count at the previous sweep; -1 until a sweep has seen it. */
    long baseline() {
        return rate == null ? -1 : rate.baseline;
    }

    /** Takes {@code count} as the count at the previous sweep; -1 for none. */
    void baseline(long count) {
        if (rate != null || count != -1) {
            rate().baseline = count;
        }
    }

    /** Takes the current {@link #packets()} as the count a sweep read at {@code now}. */
    void sampleRate(Instant now) {
        PacketRate counts = rate();
        counts.sample(counts.current, now);
    }

    /** Its list's counts cannot be trusted: the rate's window starts again. */
    void forgetRate() {
        rate().forget();
    }

    /** Packets per second over the last sweep; empty before two counts. */
    OptionalDouble lastSweepRate() {
        return rate == null ? OptionalDouble.empty() : rate.lastSweep();
    }

    /** Packets per second over the recent sweeps; empty before two counts. */
    OptionalDouble recentRate() {
        return rate == null ? OptionalDouble.empty() : rate.recent();
    }

    /** Its text as the switch shows it. */
    String text() {
        return text != null ? text : DENY + rule.canonicalText();
    }

    /** Whether its text is {@code other}, without building it. */
    boolean hasText(String other) {
        if (text != null) {
            return text.equals(other);
        }
        String canonical = rule.canonicalText();
        return other.length() == DENY.length() + canonical.length() && other.startsWith(DENY)
                && other.regionMatches(DENY.length(), canonical, 0, canonical.length());
    }

    /** Whether it is a deny line. */
    boolean isDeny() {
        return text == null || text.startsWith(DENY);
    }

    /** Takes the text a read showed. */
    void readAs(String shown) {
        text = shown;
    }

    /** The rule as logged: dumbno's text when the line was understood, else the switch's. */
    String ruleText() {
        return rule != null ? rule.text() : text;
    }
}
