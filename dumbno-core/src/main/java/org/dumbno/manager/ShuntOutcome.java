package org.dumbno.manager;

import java.util.Objects;
import org.dumbno.rule.Rule;

/**
 * What became of one request: its rule was installed, was already on the switch, was removed, was
 * not there to remove, or the request was refused with a reason a sensor operator can read.
 *
 * @param status the fate of the request
 * @param rule the rule the request became; null when the request was refused before it had one
 * @param sequence the rule's sequence number on the switch; 0 when it has none
 * @param reason why it was refused; empty otherwise
 */
public record ShuntOutcome(Status status, Rule rule, long sequence, String reason) {

    /** The fates a request can meet. */
    public enum Status {
        INSTALLED,
        ALREADY_PRESENT,
        /** A removal took the rule out of every list of its family. */
        REMOVED,
        /** A removal found the rule in no list of its family. */
        NOT_PRESENT,
        REFUSED
    }

    public ShuntOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.REFUSED && reason.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    public static ShuntOutcome installed(Rule rule, long sequence) {
        return new ShuntOutcome(Status.INSTALLED, Objects.requireNonNull(rule, "rule"), sequence, "");
    }

    public static ShuntOutcome alreadyPresent(Rule rule, long sequence) {
        return new ShuntOutcome(Status.ALREADY_PRESENT, Objects.requireNonNull(rule, "rule"), sequence, "");
    }

    /** A removal that took the rule away; {@code sequence} is the lowest number it stood under. */
    public static ShuntOutcome removed(Rule rule, long sequence) {
        return new ShuntOutcome(Status.REMOVED, Objects.requireNonNull(rule, "rule"), sequence, "");
    }

    /** A removal of a rule that was on no list of its family. */
    public static ShuntOutcome notPresent(Rule rule) {
        return new ShuntOutcome(Status.NOT_PRESENT, Objects.requireNonNull(rule, "rule"), 0, "");
    }

    public static ShuntOutcome refused(Rule rule, String reason) {
        return new ShuntOutcome(Status.REFUSED, rule, 0, reason);
    }

    /** True when the request was done: an add's rule is on the switch, a removal's is not. */
    public boolean ok() {
        return status != Status.REFUSED;
    }
}
