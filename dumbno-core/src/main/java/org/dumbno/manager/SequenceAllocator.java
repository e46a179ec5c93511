package org.dumbno.manager;

import java.util.BitSet;

/**
 * Hands out odd sequence numbers strictly between {@code min} and {@code max}, round-robin after
 * the last one handed out, skipping the ones in use. Not thread-safe.
 */
final class SequenceAllocator {
    private final long min;
    private final long max;
    private final long first;
    private final int size;
    private final BitSet used = new BitSet();
    private int cursor = -1;

    SequenceAllocator(long min, long max) {
        if (min < 0 || max <= min) {
            throw new IllegalArgumentException("sequence range (" + min + ", " + max + ") is empty");
        }
        this.min = min;
        this.max = max;
        this.first = (min + 1) % 2 == 1 ? min + 1 : min + 2;
        long count = first < max ? (max - 1 - first) / 2 + 1 : 0;
        if (count <= 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence range (" + min + ", " + max
                    + ") must hold 1 to " + Integer.MAX_VALUE + " odd numbers");
        }
        this.size = (int) count;
    }

    /** How many numbers the range holds. */
    int capacity() {
        return size;
    }

    /** Whether dumbno manages this sequence number: strictly inside the range. */
    boolean inRange(long sequence) {
        return sequence > min && sequence < max;
    }

    /** The next free odd number after the last one handed out, or -1 when none is free. */
    long next() {
        int from = cursor + 1 >= size ? 0 : cursor + 1;
        int index = used.nextClearBit(from);
        if (index >= size) {
            index = used.nextClearBit(0);
            if (index >= size) {
                return -1;
            }
        }
        used.set(index);
        cursor = index;
        return first + 2L * index;
    }

    /** Marks a number as in use (seen on the switch); even numbers in range are ignored. */
    void markUsed(long sequence) {
        int index = index(sequence);
        if (index >= 0) {
            used.set(index);
        }
    }

    /** Frees a number for later rounds. */
    void release(long sequence) {
        int index = index(sequence);
        if (index >= 0) {
            used.clear(index);
        }
    }

    /** Continues the round after {@code sequence}, e.g. the highest number found at start. */
    void continueAfter(long sequence) {
        int index = index(sequence);
        if (index >= 0) {
            cursor = index;
        }
    }

    boolean isUsed(long sequence) {
        int index = index(sequence);
        return index >= 0 && used.get(index);
    }

    int usedCount() {
        return used.cardinality();
    }

    private int index(long sequence) {
        if (!inRange(sequence) || (sequence - first) % 2 != 0) {
            return -1;
        }
        return (int) ((sequence - first) / 2);
    }

    @Override
    public String toString() {
        return "(" + min + ", " + max + ")";
    }
}
