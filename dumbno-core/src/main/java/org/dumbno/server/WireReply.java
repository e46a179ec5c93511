package org.dumbno.server;

import java.util.Objects;
import org.dumbno.manager.ShuntOutcome;

/**
 * The reply of the wire protocol: exactly {@code ok}, or {@code error: <reason>}. The UDP server
 * sends it; Zeek's plain path and {@code dumbno add} print the same words.
 */
public final class WireReply {
    /** The reply to a request that was done. */
    public static final String OK = "ok";
    /** What every other reply starts with, before its reason. */
    public static final String ERROR_PREFIX = "error: ";

    private WireReply() {
    }

    /** {@code ok} when the outcome is done (installed, already present, removed, not present), else the error. */
    public static String of(ShuntOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return outcome.ok() ? OK : error(outcome.reason());
    }

    /** {@code error: <reason>}. */
    public static String error(String reason) {
        return ERROR_PREFIX + reason;
    }
}
