package org.dumbno.manager;

import java.util.concurrent.CompletableFuture;
import org.dumbno.rule.Request;

/**
 * Whatever can take a sensor's request and tell, later, what became of it. {@link ACLManager} is the
 * real one; the UDP server and the command line only need this.
 */
@FunctionalInterface
public interface Shunter {

    /**
     * Asks for {@code request}'s flow to be shunted. The future completes when the rule is on the
     * switch, was already there, or was refused; it never completes exceptionally for a refusal.
     */
    CompletableFuture<ShuntOutcome> add(Request request);
}
