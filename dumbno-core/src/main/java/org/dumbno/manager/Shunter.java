package org.dumbno.manager;

import java.util.concurrent.CompletableFuture;
import org.dumbno.rule.Request;

/**
 * Whatever can take a sensor's request and tell, later, what became of it. {@link ACLManager} is the
 * real one; the UDP server and the command line only need this.
 */
public interface Shunter {

    /**
     * Asks for {@code request}'s flow to be shunted. The future completes when the rule is on the
     * switch, was already there, or was refused; it never completes exceptionally for a refusal.
     */
    CompletableFuture<ShuntOutcome> add(Request request);

    /**
     * Asks for {@code request}'s shunt to be taken away. The future completes with
     * {@link ShuntOutcome.Status#REMOVED} or {@link ShuntOutcome.Status#NOT_PRESENT} once the rule
     * is in no list of its family, or refused. A shunter that keeps no rules refuses every removal,
     * which is what this default does.
     */
    default CompletableFuture<ShuntOutcome> remove(Request request) {
        return CompletableFuture.completedFuture(ShuntOutcome.refused(null, "this server does not remove shunts"));
    }
}
