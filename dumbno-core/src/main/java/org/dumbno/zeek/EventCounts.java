package org.dumbno.zeek;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts events by name, for a fixed set of names and {@code other}. */
final class EventCounts {
    static final String OTHER = "other";

    private final Map<String, LongAdder> counts = new LinkedHashMap<>();

    EventCounts(List<String> names) {
        names.forEach(name -> counts.put(name, new LongAdder()));
        counts.put(OTHER, new LongAdder());
    }

    void count(String name) {
        counts.getOrDefault(name, counts.get(OTHER)).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        counts.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }
}
