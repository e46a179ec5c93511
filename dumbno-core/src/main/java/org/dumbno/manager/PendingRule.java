package org.dumbno.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/** A rule waiting to be written, with every request that asked for it. Guarded by the engine. */
final class PendingRule {
    final Rule rule;
    /** Usually one: a rule asked for again while it waits is rare. */
    final List<Waiter> waiters = new ArrayList<>(1);
    /** Whether its lines were sent once with no answer, so they may be on the switch. */
    boolean attempted;
    /** How many times the switch said a number written for it was taken by a line already there. */
    int collisions;

    PendingRule(Rule rule) {
        this.rule = rule;
    }

    /**
     * One request waiting for its rule.
     *
     * @param request what was asked
     * @param future completed with the outcome
     * @param since when it was asked
     */
    record Waiter(Request request, CompletableFuture<ShuntOutcome> future, Instant since) {
    }
}
