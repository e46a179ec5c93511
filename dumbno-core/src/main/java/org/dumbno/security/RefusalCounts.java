package org.dumbno.security;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many requests were refused, per {@link Reason}; cheap to count from many threads. */
final class RefusalCounts {
    private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);

    RefusalCounts() {
        for (Reason reason : Reason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    /** Counts one refusal and hands it on. */
    Refusal count(Refusal refusal) {
        counts.get(refusal.reason()).increment();
        return refusal;
    }

    /** How many refusals of this kind so far. */
    long get(Reason reason) {
        return counts.get(reason).sum();
    }

    /** Every kind of refusal, by metric name, in a fixed order, with its count now. */
    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        counts.forEach((reason, count) -> snapshot.put(reason.metricName(), count.sum()));
        return Collections.unmodifiableMap(snapshot);
    }
}
