package org.dumbno.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.dumbno.server.ServerStats.ErrorKind;

/** The server's live counters, cheap to bump from any thread. */
final class Counters {
    private final LongAdder received = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final Map<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);

    Counters() {
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, new LongAdder());
        }
    }

    void received() {
        received.increment();
    }

    void ok() {
        ok.increment();
    }

    void error(ErrorKind kind) {
        errors.get(kind).increment();
    }

    void sendFailed() {
        sendFailures.increment();
    }

    ServerStats snapshot() {
        Map<ErrorKind, Long> counts = new EnumMap<>(ErrorKind.class);
        errors.forEach((kind, count) -> counts.put(kind, count.sum()));
        return new ServerStats(received.sum(), ok.sum(), counts, sendFailures.sum());
    }
}
