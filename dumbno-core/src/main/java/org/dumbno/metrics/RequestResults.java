package org.dumbno.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dumbno.server.ServerStats;

/**
 * Splits the requests the server answered into the {@code result} labels of
 * {@code dumbno_requests_total}:
 * <ul>
 * <li>{@code ok}: answered {@code ok} ({@link ServerStats#ok()});
 * <li>{@code rate_limited}: refused by the client's rate limit (security's {@code rate_limited});
 * <li>{@code denied}: refused by the allow-list ({@code client_not_allowed}), by the signature
 *     check ({@code not_signed}, {@code bad_signature}, {@code stale_timestamp}, {@code replayed})
 *     or because the flow is in {@code never_shunt};
 * <li>{@code error}: every other error answer: too large, not a valid request (including one the
 *     signature check could not read, security's {@code invalid_request}), refused by the engine
 *     or the switch (capacity, queue full, a refused command), server busy, internal errors.
 * </ul>
 * Every security refusal is also one server error answer (a gate refusal or an engine refusal), so
 * {@code error} is the server's errors less the refusals counted as {@code denied} or
 * {@code rate_limited}. The two sources are read at slightly different moments; each value is
 * kept from ever going down, so the exported counters stay monotonic while a request is between
 * being refused and being answered.
 */
final class RequestResults {
    static final String RATE_LIMITED = "rate_limited";
    static final List<String> DENIED = List.of("client_not_allowed", "not_signed", "bad_signature",
            "stale_timestamp", "replayed", "never_shunt");
    static final List<String> LABELS = List.of("ok", "error", "denied", RATE_LIMITED);

    private final Map<String, Long> highest = new ConcurrentHashMap<>();

    /** The counts by label for these snapshots, never below what was returned before. */
    Map<String, Long> counts(ServerStats stats, Map<String, Long> refusals) {
        Map<String, Long> counts = new LinkedHashMap<>();
        split(stats, refusals).forEach((label, count) -> counts.put(label, highest.merge(label, count, Math::max)));
        return counts;
    }

    /** The counts by label for these snapshots, as they are. */
    static Map<String, Long> split(ServerStats stats, Map<String, Long> refusals) {
        long rateLimited = refusals.getOrDefault(RATE_LIMITED, 0L);
        long denied = DENIED.stream().mapToLong(reason -> refusals.getOrDefault(reason, 0L)).sum();
        Map<String, Long> split = new LinkedHashMap<>();
        split.put("ok", stats.ok());
        split.put("error", Math.max(0, stats.errorCount() - denied - rateLimited));
        split.put("denied", denied);
        split.put(RATE_LIMITED, rateLimited);
        return split;
    }
}
