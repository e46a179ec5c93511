package org.dumbno.manager;

/**
 * Chooses the sequence number of each new shunt, among the free ones of the managed range. The
 * engine keeps the book: a number is taken while a line stands under it on the switch (dumbno's
 * or not) or a write under it is in flight, and free again once its last line is gone. Whatever
 * is chosen, the engine writes only a free odd number strictly inside the range: a choice outside
 * that is refused, so an allocation can never take another writer's line. Should another writer
 * take the chosen number before the write lands, the switch refuses it, the engine reads the
 * switch again and asks for another number (up to three times per rule).
 *
 * <p>Called with the engine's lock held, one choice at a time: keep it quick.
 */
@FunctionalInterface
public interface SequenceAllocation {
    /** The number to return when no free number suits. */
    long NONE = -1;

    /**
     * The number for a new shunt: one {@code numbers} says is free, or {@link #NONE}.
     *
     * @param numbers the managed range, what is free in it, and the last number chosen
     */
    long choose(SequenceNumbers numbers);

    /**
     * The default: round-robin, the next free number after the last one chosen (after the highest
     * found on the switch at start), wrapping around to the lowest free one. A number just freed
     * is thus reused as late as possible.
     */
    static SequenceAllocation roundRobin() {
        return numbers -> {
            long next = numbers.nextFree(numbers.last() + 1);
            return next != NONE ? next : numbers.nextFree(numbers.min());
        };
    }

    /** Always the lowest free number: the shunts stay packed at the bottom of the range. */
    static SequenceAllocation lowestFirst() {
        return numbers -> numbers.nextFree(numbers.min());
    }
}
