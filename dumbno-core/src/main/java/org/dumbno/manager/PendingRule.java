package org.dumbno.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/** A rule waiting to be written, with every request that asked for it. Guarded by the engine. */
final class PendingRule {
    final Rule rule;
    /**
     * The first request for it, kept in place: a burst queues thousands of rules, nearly all asked
     * for once, so the usual rule holds no list.
     */
    private Waiter first;
    /** The requests after the first; null until it is asked for again while it waits. */
    private List<Waiter> more;
    /** Whether its lines were sent once with no answer, so they may be on the switch. */
    boolean attempted;
    /** How many times the switch said a number written for it was taken by a line already there. */
    int collisions;

    PendingRule(Rule rule) {
        this.rule = rule;
    }

    /** Adds a request waiting for it, after those before. */
    void add(Waiter waiter) {
        if (first == null) {
            first = waiter;
            return;
        }
        if (more == null) {
            more = new ArrayList<>(2);
        }
        more.add(waiter);
    }

    /** The requests waiting for it, oldest first. */
    List<Waiter> waiters() {
        if (first == null) {
            return List.of();
        }
        if (more == null) {
            return List.of(first);
        }
        List<Waiter> all = new ArrayList<>(more.size() + 1);
        all.add(first);
        all.addAll(more);
        return all;
    }

    /** The number of requests waiting for it. */
    int waiterCount() {
        return first == null ? 0 : 1 + (more == null ? 0 : more.size());
    }

    /** Removes the requests {@code old} selects, keeping the others in order; the removed ones, oldest first. */
    List<Waiter> removeIf(Predicate<Waiter> old) {
        List<Waiter> removed = new ArrayList<>();
        List<Waiter> kept = new ArrayList<>();
        for (Waiter waiter : waiters()) {
            (old.test(waiter) ? removed : kept).add(waiter);
        }
        if (!removed.isEmpty()) {
            first = null;
            more = null;
            kept.forEach(this::add);
        }
        return removed;
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
