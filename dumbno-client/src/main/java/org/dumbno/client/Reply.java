package org.dumbno.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A server's answer to one request: {@code ok}, or {@code error: <reason>}. {@link #text()} is the
 * datagram as it came; a reply that is neither form (not a dumbno server) is an error whose reason
 * is the whole text.
 */
public record Reply(String text) {
    /** The whole text of the reply to a request that was done. */
    public static final String OK_TEXT = "ok";
    /** What every other reply starts with, before its reason. */
    public static final String ERROR_PREFIX = "error: ";

    public Reply {
        Objects.requireNonNull(text, "text");
    }

    /** The reply {@code ok}. */
    public static Reply ok() {
        return new Reply(OK_TEXT);
    }

    /** The reply {@code error: <reason>}. */
    public static Reply error(String reason) {
        return new Reply(ERROR_PREFIX + Objects.requireNonNull(reason, "reason"));
    }

    /** Whether the server did what was asked: the reply is exactly {@code ok}. */
    public boolean isOk() {
        return text.equals(OK_TEXT);
    }

    /**
     * Why the server refused: the text after {@code error: }, or the whole text of a reply in
     * neither form; empty when the reply is {@code ok}.
     */
    public Optional<String> errorReason() {
        if (isOk()) {
            return Optional.empty();
        }
        return Optional.of(text.startsWith(ERROR_PREFIX) ? text.substring(ERROR_PREFIX.length()) : text);
    }

    /** The reply as it came: {@code ok} or {@code error: <reason>}. */
    @Override
    public String toString() {
        return text;
    }
}
