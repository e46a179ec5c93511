package org.dumbno.manager;

import org.dumbno.acl.AclKey;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * Hears what the engine does, e.g. to count it for metrics. Callbacks run on the engine's
 * threads after its locks are released and before the request's future completes; they must be
 * quick, and an exception they throw is logged and otherwise ignored. Every method does nothing
 * by default.
 */
public interface ShuntListener {

    /** A new rule went onto the switch under {@code sequence}: {@link ShuntOutcome.Status#INSTALLED}. */
    default void installed(Rule rule, long sequence) {
    }

    /**
     * A request's rule was on the switch already (put back where it was missing, if anywhere):
     * {@link ShuntOutcome.Status#ALREADY_PRESENT}.
     */
    default void alreadyPresent(Rule rule, long sequence) {
    }

    /** The shunt under {@code sequence} left its last list. */
    default void removed(Rule rule, long sequence, RemovalReason reason) {
    }

    /**
     * The shunt left its last list; {@code shunt} carries what it matched. By default this calls
     * {@link #removed(Rule, long, RemovalReason)}: a listener implements one of the two.
     */
    default void removed(RemovedShunt shunt) {
        removed(shunt.rule(), shunt.sequence(), shunt.reason());
    }

    /** A request was {@link ShuntOutcome.Status#REFUSED}; {@code reason} is what its sender is told. */
    default void refused(Request request, String reason) {
    }

    /** The layout had drifted and the setup plan made one change to put it back ({@code op=REPAIR}). */
    default void layoutRepaired(String change) {
    }

    /**
     * A sweep did not judge {@code entries} lines of {@code acl} because its counts could not be
     * trusted; said once per line until its counts are trusted again, not every sweep.
     */
    default void expirySkipped(AclKey acl, int entries, String reason) {
    }
}
