package org.dumbno.manager;

import java.util.BitSet;

/**
 * The managed sequence numbers: the odd numbers strictly between {@code min} and {@code max},
 * which of them are taken, and the last one handed out. A {@link SequenceAllocation} reads it to
 * choose; only the engine changes it. Not thread-safe: the engine guards it.
 */
public final class SequenceNumbers {
    private final long min;
    private final long max;
    private final long first;
    private final int size;
    private final SequenceAllocation allocation;
    private final BitSet used = new BitSet();
    private int cursor = -1;

    SequenceNumbers(long min, long max) {
        this(min, max, SequenceAllocation.roundRobin());
    }

    SequenceNumbers(long min, long max, SequenceAllocation allocation) {
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
        this.allocation = java.util.Objects.requireNonNull(allocation, "allocation");
    }

    /** The lower bound of the range, not itself managed. */
    public long min() {
        return min;
    }

    /** The upper bound of the range, not itself managed. */
    public long max() {
        return max;
    }

    /**
     * The number handed out last; before any, the highest found on the switch at start, or
     * {@link #min()} when there was none.
     */
    public long last() {
        return cursor < 0 ? min : first + 2L * cursor;
    }

    /** Whether {@code sequence} is an odd number of the range that no line or write holds. */
    public boolean isFree(long sequence) {
        int index = index(sequence);
        return index >= 0 && !used.get(index);
    }

    /** The lowest free number at or above {@code from}, or {@link SequenceAllocation#NONE}. */
    public long nextFree(long from) {
        int start = from <= first ? 0 : (int) Math.min(size, (from - first + 1) / 2);
        int index = used.nextClearBit(start);
        return index >= size ? SequenceAllocation.NONE : first + 2L * index;
    }

    /** How many numbers the range holds. */
    public int capacity() {
        return size;
    }

    /** Whether dumbno manages this sequence number: strictly inside the range. */
    boolean inRange(long sequence) {
        return sequence > min && sequence < max;
    }

    /**
     * A number for a new shunt, as the allocation chooses it, now taken; {@link SequenceAllocation#NONE}
     * when none is free.
     *
     * @throws IllegalStateException the allocation chose a number that is not free
     */
    long next() {
        long chosen = allocation.choose(this);
        if (chosen == SequenceAllocation.NONE) {
            return SequenceAllocation.NONE;
        }
        if (!isFree(chosen)) {
            throw new IllegalStateException("sequence allocation chose " + chosen + ", which is not a free odd"
                    + " number in " + this);
        }
        int index = index(chosen);
        used.set(index);
        cursor = index;
        return chosen;
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
