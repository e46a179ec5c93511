package org.dumbno.security;

import java.util.Objects;

/** A refused request: the kind of refusal, counted, and the message sent back to the client. */
record Refusal(Reason reason, String message) {

    Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
