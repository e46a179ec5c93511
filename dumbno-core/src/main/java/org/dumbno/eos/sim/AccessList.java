package org.dumbno.eos.sim;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;

/** One configured IP or IPv6 access list: entries by sequence number; guarded by the switch's lock. */
final class AccessList {
    static final long MAX_SEQUENCE = 4_294_967_295L;
    static final long SEQUENCE_STEP = 10;

    final String name;
    final Family family;
    boolean countersPerEntry;
    /** Whether the counts shown are behind the hardware's (the switch reports {@code staleCounters}). */
    boolean staleCounters;
    private final NavigableMap<Long, LiveEntry> entries = new TreeMap<>();
    private final MatchIndex index = new MatchIndex(entries);

    AccessList(String name, Family family) {
        this.name = name;
        this.family = family;
    }

    Collection<LiveEntry> entries() {
        return entries.values();
    }

    LiveEntry entry(long sequence) {
        return entries.get(sequence);
    }

    /** The number a new entry without one gets: the last plus ten. */
    long nextSequence() {
        return entries.isEmpty() ? SEQUENCE_STEP : entries.lastKey() + SEQUENCE_STEP;
    }

    /** Marks the counts stale, or current again, when they catch up with what was held. */
    void staleCounters(boolean stale) {
        staleCounters = stale;
        if (!stale) {
            entries.values().forEach(LiveEntry::release);
        }
    }

    void put(LiveEntry entry) {
        LiveEntry replaced = entries.put(entry.sequence, entry);
        if (replaced != null) {
            index.remove(replaced);
        }
        index.add(entry);
    }

    LiveEntry remove(long sequence) {
        LiveEntry removed = entries.remove(sequence);
        if (removed != null) {
            index.remove(removed);
        }
        return removed;
    }

    /** The first entry, by sequence number, that matches; unprogrammed entries match nothing. */
    LiveEntry firstMatch(Flow flow) {
        return index.firstMatch(flow);
    }
}
