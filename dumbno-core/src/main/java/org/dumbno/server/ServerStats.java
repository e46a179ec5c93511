package org.dumbno.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of the server's counters since it started.
 *
 * @param received datagrams received
 * @param ok requests answered {@code ok}
 * @param errors requests answered {@code error: ...}, by the kind of error
 * @param sendFailures replies the operating system would not send (the client's loss, not ours)
 */
public record ServerStats(long received, long ok, Map<ErrorKind, Long> errors, long sendFailures) {

    /** Why a request was answered with an error. */
    public enum ErrorKind {
        /** Longer than 1500 bytes. */
        TOO_LARGE,
        /** Refused by the {@link RequestGate}. */
        GATE,
        /** Not a valid request: bad JSON, bad field, a request for everything. */
        INVALID,
        /** Refused by the engine, for example a full rule table or a protected network. */
        REFUSED,
        /** Too many requests in flight. */
        BUSY,
        /** The engine failed unexpectedly. */
        INTERNAL
    }

    public ServerStats {
        Objects.requireNonNull(errors, "errors");
        Map<ErrorKind, Long> complete = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            complete.put(kind, errors.getOrDefault(kind, 0L));
        }
        errors = Map.copyOf(complete);
    }

    /** Requests answered with an error, of any kind. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests answered at all. */
    public long answered() {
        return ok + errorCount();
    }
}
