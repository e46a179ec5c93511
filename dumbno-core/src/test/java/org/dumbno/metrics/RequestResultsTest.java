package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.dumbno.server.ServerStats;
import org.dumbno.server.ServerStats.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestResultsTest {

    private static ServerStats stats(long ok, Map<ErrorKind, Long> errors) {
        long answered = ok + errors.values().stream().mapToLong(Long::longValue).sum();
        return new ServerStats(answered, ok, errors, 0);
    }

    private static Map<String, Long> refusals(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (String reason : new String[] {"client_not_allowed", "rate_limited", "invalid_request", "not_signed",
                "bad_signature", "stale_timestamp", "replayed", "never_shunt"}) {
            map.put(reason, 0L);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }

    private static Map<String, Long> expected(long ok, long error, long denied, long rateLimited) {
        return Map.of("ok", ok, "error", error, "denied", denied, "rate_limited", rateLimited);
    }

    static Stream<Arguments> mapping() {
        Map<ErrorKind, Long> none = new EnumMap<>(ErrorKind.class);
        return Stream.of(
                Arguments.of("only ok", stats(5, none), refusals(), expected(5, 0, 0, 0)),
                Arguments.of("invalid, too large, busy, internal are errors",
                        stats(1, Map.of(ErrorKind.INVALID, 2L, ErrorKind.TOO_LARGE, 1L, ErrorKind.BUSY, 1L,
                                ErrorKind.INTERNAL, 1L)), refusals(), expected(1, 5, 0, 0)),
                Arguments.of("engine refusals (capacity, switch) are errors",
                        stats(0, Map.of(ErrorKind.REFUSED, 3L)), refusals(), expected(0, 3, 0, 0)),
                Arguments.of("allow-list and signature refusals are denied",
                        stats(0, Map.of(ErrorKind.GATE, 5L)),
                        refusals("client_not_allowed", 2, "not_signed", 1, "bad_signature", 1, "replayed", 1),
                        expected(0, 0, 5, 0)),
                Arguments.of("rate limit refusals are rate_limited",
                        stats(0, Map.of(ErrorKind.GATE, 4L)), refusals("rate_limited", 4), expected(0, 0, 0, 4)),
                Arguments.of("never_shunt is denied, other engine refusals errors",
                        stats(2, Map.of(ErrorKind.REFUSED, 3L)), refusals("never_shunt", 2), expected(2, 1, 2, 0)),
                Arguments.of("an unreadable signed request is an error",
                        stats(0, Map.of(ErrorKind.GATE, 2L)), refusals("invalid_request", 1, "stale_timestamp", 1),
                        expected(0, 1, 1, 0)),
                Arguments.of("without security every error is an error",
                        stats(0, Map.of(ErrorKind.GATE, 2L, ErrorKind.REFUSED, 1L)), Map.of(), expected(0, 3, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapping")
    void splitsAnswersByResult(String name, ServerStats stats, Map<String, Long> refused, Map<String, Long> expected) {
        assertEquals(expected, RequestResults.split(stats, refused));
    }

    @Test
    void aRefusalNotYetAnsweredNeverMakesACountGoDown() {
        RequestResults results = new RequestResults();
        Map<ErrorKind, Long> errors = Map.of(ErrorKind.INVALID, 1L, ErrorKind.GATE, 1L);
        assertEquals(expected(0, 1, 1, 0), results.counts(stats(0, errors), refusals("client_not_allowed", 1)));

        Map<String, Long> refusedBeforeAnswered = refusals("client_not_allowed", 2);
        assertEquals(expected(0, 1, 2, 0), results.counts(stats(0, errors), refusedBeforeAnswered));

        Map<ErrorKind, Long> answered = Map.of(ErrorKind.INVALID, 1L, ErrorKind.GATE, 2L);
        assertEquals(expected(0, 1, 2, 0), results.counts(stats(0, answered), refusedBeforeAnswered));
    }
}
