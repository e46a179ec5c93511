package org.dumbno.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@code /-/healthy} and {@code /-/ready} answer. Liveness: each part names the loops of its
 * own that stopped making progress. Readiness: named conditions, each saying why dumbno is not
 * ready, or nothing when it holds; ready when every condition holds. A new condition is one
 * {@link #readiness(String, Supplier)} call where the part it watches is started. Thread-safe.
 */
public final class Health {
    private final Map<String, Supplier<List<String>>> liveness = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Optional<String>>> readiness = new ConcurrentHashMap<>();

    /** Adds (or replaces) a part whose stalled loops {@code stalls} lists. */
    public void liveness(String part, Supplier<List<String>> stalls) {
        liveness.put(Objects.requireNonNull(part, "part"), Objects.requireNonNull(stalls, "stalls"));
    }

    /** Adds (or replaces) a readiness condition: {@code notReady} says why it does not hold, if it does not. */
    public void readiness(String condition, Supplier<Optional<String>> notReady) {
        readiness.put(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(notReady, "notReady"));
    }

    /** Every stalled loop, as {@code part: why}; empty while all are alive. */
    public List<String> stalls() {
        List<String> stalls = new ArrayList<>();
        liveness.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(part ->
                part.getValue().get().forEach(stall -> stalls.add(part.getKey() + ": " + stall)));
        return stalls;
    }

    /** Every condition that does not hold, as {@code condition: why}; empty when ready. */
    public List<String> notReady() {
        List<String> reasons = new ArrayList<>();
        readiness.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(condition ->
                condition.getValue().get().ifPresent(why -> reasons.add(condition.getKey() + ": " + why)));
        return reasons;
    }
}
