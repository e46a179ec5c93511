package org.dumbno.zeek;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts events by name, for a fixed set of names and, where asked for, {@code other}. */
final class EventCounts {
    static final String OTHER = "other";

    private final Map<String, LongAdder> counts = new LinkedHashMap<>();

    /** Counts {@code names}; with {@code other}, every other name as {@value #OTHER}. */
    EventCounts(List<String> names, boolean other) {
        names.forEach(name -> counts.put(name, new LongAdder()));
        if (other) {
            counts.put(OTHER, new LongAdder());
        }
    }

    void count(String name) {
        LongAdder count = counts.getOrDefault(name, counts.get(OTHER));
        if (count == null) {
            throw new IllegalArgumentException("no count of " + name);
        }
        count.increment();
    }

    /** Takes back a {@link #count} of {@code name}. */
    void uncount(String name) {
        counts.getOrDefault(name, counts.get(OTHER)).decrement();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        counts.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }
}
