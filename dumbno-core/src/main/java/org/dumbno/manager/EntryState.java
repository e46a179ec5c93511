package org.dumbno.manager;

import java.time.Instant;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Rule;

/** What the engine knows of one managed line of one access list. Guarded by the engine's lock. */
final class EntryState {
    final AclKey acl;
    final long sequence;
    String text;
    final Rule rule;
    final Instant addedAt;
    long packets;
    long bytes;
    /** The count at the previous sweep; -1 until a sweep has seen the entry. */
    long baseline = -1;
    Instant lastChange;
    /** Why the engine is removing it; null while it is not. */
    RemovalReason removing;
    long seenInRead;
    /** When a sweep removes it however busy it is (a per-shunt hard timeout); null for never. */
    Instant deadline;
    /** Set when it was its number's last line: what all the number's lines matched. */
    ShuntTable.Tally lifetime;
    /** Whether a sweep skipped judging it because its list's counts were untrusted, not yet judged since. */
    boolean judgementSkipped;
    /** Its counts at its first sighting and at the last sweeps, for the packets per second it matches. */
    final PacketRate rate;

    EntryState(AclKey acl, long sequence, String text, Rule rule, long packets, Instant addedAt) {
        this.acl = acl;
        this.sequence = sequence;
        this.text = text;
        this.rule = rule;
        this.packets = packets;
        this.addedAt = addedAt;
        this.lastChange = addedAt;
        this.rate = new PacketRate(packets, addedAt);
    }

    /** The rule as logged: dumbno's text when the line was understood, else the switch's. */
    String ruleText() {
        return rule != null ? rule.text() : text;
    }
}
