package org.dumbno.server;

import java.util.Objects;
import org.dumbno.client.Reply;
import org.dumbno.manager.ShuntOutcome;

/**
 * The reply of the wire protocol: exactly {@code ok}, or {@code error: <reason>}, as the client's
 * {@link Reply} reads it. The UDP server sends it; Zeek's plain path and {@code dumbno add} print
 * the same words.
 */
public final class WireReply {
    /** The reply to a request that was done. */
    public static final String OK = Reply.OK_TEXT;
    /** What every other reply starts with, before its reason. */
    public static final String ERROR_PREFIX = Reply.ERROR_PREFIX;

    private WireReply() {
    }

    /** {@code ok} when the outcome is done (installed, already present, removed, not present), else the error. */
    public static String of(ShuntOutcome outcome) {
        return reply(outcome).text();
    }

    /** The outcome as the {@link Reply} a client gets for it. */
    public static Reply reply(ShuntOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return outcome.ok() ? Reply.ok() : Reply.error(outcome.reason());
    }

    /** {@code error: <reason>}. */
    public static String error(String reason) {
        return Reply.error(reason).text();
    }
}
