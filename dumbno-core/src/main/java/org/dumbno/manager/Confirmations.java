package org.dumbno.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.rule.Rule;

/**
 * Repeated requests for rules the engine believes on the switch, waiting for a read to confirm
 * them: at most one confirming read is in flight, and requests that arrive meanwhile join it.
 * Not thread-safe: the engine guards it.
 */
final class Confirmations {
    private List<Confirmation> waiting = new ArrayList<>();
    private List<Confirmation> inFlight;

    /** Adds a request: to the read in flight if there is one, else to the next. */
    void add(Rule rule, PendingRule.Waiter waiter) {
        (inFlight != null ? inFlight : waiting).add(new Confirmation(rule, waiter, false));
    }

    /**
     * Puts back a request the read just over could not settle (it missed a list of the rule's
     * family): it waits for the next read, ahead of later ones, once.
     */
    void readAgain(Confirmation confirmation) {
        waiting.add(0, new Confirmation(confirmation.rule(), confirmation.waiter(), true));
    }

    /** Whether requests wait for a read that has not started. */
    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Requests waiting or in flight. */
    int size() {
        return waiting.size() + (inFlight == null ? 0 : inFlight.size());
    }

    /** Starts a read for the waiting requests; those arriving until {@link #readDone()} join it. */
    void readStarted() {
        inFlight = waiting;
        waiting = new ArrayList<>();
    }

    /** The requests of the read in flight, which is over: the engine answers them now. */
    List<Confirmation> readDone() {
        List<Confirmation> done = inFlight == null ? List.of() : inFlight;
        inFlight = null;
        return done;
    }

    /** The read in flight failed: its requests wait for the next one, ahead of later ones. */
    void readFailed() {
        if (inFlight != null) {
            inFlight.addAll(waiting);
            waiting = inFlight;
            inFlight = null;
        }
    }

    /** Takes every request, waiting or in flight. */
    List<Confirmation> takeAll() {
        List<Confirmation> all = new ArrayList<>(waiting);
        if (inFlight != null) {
            all.addAll(inFlight);
            inFlight.clear();
        }
        waiting = new ArrayList<>();
        return all;
    }

    /** Takes the requests that have waited since before {@code cutoff}. */
    List<Confirmation> expire(Instant cutoff) {
        List<Confirmation> expired = new ArrayList<>();
        waiting.removeIf(c -> {
            boolean old = c.waiter().since().isBefore(cutoff);
            if (old) {
                expired.add(c);
            }
            return old;
        });
        return expired;
    }

    /**
     * One repeated request.
     *
     * @param rule its rule
     * @param waiter the request and its future
     * @param again whether a read already missed a list of its family
     */
    record Confirmation(Rule rule, PendingRule.Waiter waiter, boolean again) {
    }
}
