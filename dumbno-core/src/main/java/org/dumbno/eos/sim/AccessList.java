package org.dumbno.eos.sim;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;

/**
 * One configured IP or IPv6 access list: entries by sequence number; guarded by the switch's lock.
 * The entries are kept in one array sorted by number, found by binary search, rather than a tree
 * of one node and one boxed number per entry: lines are nearly always added after the last, and a
 * line taken out leaves its slot empty, filled again if the number comes back, until more than
 * half the slots are empty and the array is closed up.
 */
final class AccessList {
    static final long MAX_SEQUENCE = 4_294_967_295L;
    static final long SEQUENCE_STEP = 10;
    private static final int EMPTY_SLOTS_KEPT = 16;

    final String name;
    final Family family;
    boolean countersPerEntry;
    /** Whether the counts shown are behind the hardware's (the switch reports {@code staleCounters}). */
    boolean staleCounters;
    /** The entries in sequence order, with null where one was taken out; {@link #slots} are used. */
    private LiveEntry[] entries = new LiveEntry[8];
    /** The number of each slot of {@link #entries}, an empty slot's too, as a {@linkplain #key key}. */
    private int[] keys = new int[8];
    private int slots;
    private int count;
    private final Entries view = new Entries();
    private final MatchIndex index = new MatchIndex(view);

    AccessList(String name, Family family) {
        this.name = name;
        this.family = family;
    }

    /** The entries in sequence order; a view that follows the list. */
    Collection<LiveEntry> entries() {
        return view;
    }

    /**
     * A sequence number, 1 to {@link #MAX_SEQUENCE}, in four bytes that sort as the numbers do:
     * its low 32 bits with the top bit flipped.
     */
    private static int key(long sequence) {
        return (int) sequence ^ Integer.MIN_VALUE;
    }

    private static long sequenceOf(int key) {
        return Integer.toUnsignedLong(key ^ Integer.MIN_VALUE);
    }

    /** The slot numbered {@code sequence}, or a negative number as {@link Arrays#binarySearch} gives. */
    private int slot(long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            return -1;
        }
        return Arrays.binarySearch(keys, 0, slots, key(sequence));
    }

    LiveEntry entry(long sequence) {
        int at = slot(sequence);
        return at < 0 ? null : entries[at];
    }

    /** The number a new entry without one gets: the last plus ten. */
    long nextSequence() {
        return slots == 0 ? SEQUENCE_STEP : sequenceOf(keys[slots - 1]) + SEQUENCE_STEP;
    }

    /** Marks the counts stale, or current again, when they catch up with what was held. */
    void staleCounters(boolean stale) {
        staleCounters = stale;
        if (!stale) {
            view.forEach(LiveEntry::release);
        }
    }

    void put(LiveEntry entry) {
        long sequence = entry.sequence();
        int at = slots > 0 && keys[slots - 1] < key(sequence) ? -slots - 1 : slot(sequence);
        if (at >= 0) {
            LiveEntry replaced = entries[at];
            entries[at] = entry;
            if (replaced == null) {
                count++;
            } else {
                index.remove(replaced);
            }
        } else {
            insert(-at - 1, entry);
        }
        index.add(entry);
    }

    private void insert(int at, LiveEntry entry) {
        if (slots == entries.length) {
            entries = Arrays.copyOf(entries, slots * 2);
            keys = Arrays.copyOf(keys, slots * 2);
        }
        System.arraycopy(entries, at, entries, at + 1, slots - at);
        System.arraycopy(keys, at, keys, at + 1, slots - at);
        entries[at] = entry;
        keys[at] = key(entry.sequence());
        slots++;
        count++;
    }

    LiveEntry remove(long sequence) {
        int at = slot(sequence);
        LiveEntry removed = at < 0 ? null : entries[at];
        if (removed == null) {
            return null;
        }
        entries[at] = null;
        count--;
        while (slots > 0 && entries[slots - 1] == null) {
            slots--;
        }
        if (slots - count > Math.max(count, EMPTY_SLOTS_KEPT)) {
            closeUp();
        }
        index.remove(removed);
        return removed;
    }

    /** Moves the entries over the empty slots. */
    private void closeUp() {
        int kept = 0;
        for (int i = 0; i < slots; i++) {
            if (entries[i] != null) {
                entries[kept] = entries[i];
                keys[kept] = keys[i];
                kept++;
            }
        }
        Arrays.fill(entries, kept, slots, null);
        slots = kept;
    }

    /** The first entry, by sequence number, that matches; unprogrammed entries match nothing. */
    LiveEntry firstMatch(Flow flow) {
        return index.firstMatch(flow);
    }

    /** The list's entries in sequence order, skipping empty slots. */
    private final class Entries extends AbstractCollection<LiveEntry> {
        @Override
        public int size() {
            return count;
        }

        @Override
        public Iterator<LiveEntry> iterator() {
            return new Iterator<>() {
                private int next = skipEmpty(0);

                @Override
                public boolean hasNext() {
                    return next < slots;
                }

                @Override
                public LiveEntry next() {
                    if (next >= slots) {
                        throw new NoSuchElementException();
                    }
                    LiveEntry entry = entries[next];
                    next = skipEmpty(next + 1);
                    return entry;
                }
            };
        }

        private int skipEmpty(int from) {
            int at = from;
            while (at < slots && entries[at] == null) {
                at++;
            }
            return at;
        }
    }
}
