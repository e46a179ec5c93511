package org.dumbno.metrics;

import org.dumbno.acl.AuthenticationException;
import org.dumbno.eos.CommandFailedException;

/** How one eAPI call ended, as the {@code result} label of {@code dumbno_eapi_calls_total}. */
enum CallResult {
    /** The switch ran every command. */
    OK("ok"),
    /** The switch refused a command ({@link CommandFailedException}). */
    COMMAND_ERROR("command_error"),
    /** The switch refused our credentials ({@link AuthenticationException}). */
    AUTH_ERROR("auth_error"),
    /** No usable answer: unreachable, timed out, nonsense, or the transport itself failed. */
    UNAVAILABLE("unavailable");

    private final String label;

    CallResult(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Whether a call that ended so shows the switch up: it answered, and took our credentials. */
    boolean switchUp() {
        return this == OK || this == COMMAND_ERROR;
    }

    /** The result a call that threw {@code failure} counts as. */
    static CallResult of(Throwable failure) {
        if (failure instanceof CommandFailedException) {
            return COMMAND_ERROR;
        }
        if (failure instanceof AuthenticationException) {
            return AUTH_ERROR;
        }
        return UNAVAILABLE;
    }
}
