package org.dumbno.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dumbno.internal.Loops;

/**
 * The answers and events a thread decides on while it holds the engine's locks, run once it has
 * let them go: a future completed or a listener called under a lock would run the caller's code
 * there. Each runs guarded: whatever one throws is logged and the next still runs. One per call,
 * on one thread; not thread-safe.
 */
final class Deferred {
    /**
     * Null until something is added: most requests queue without deferring anything. Holds the
     * actions in order, an answer as its future followed by its outcome: a batch answers thousands
     * of requests, and an answer kept so costs no action object of its own.
     */
    private List<Object> actions;

    /** Runs {@code action} later, in the order added. */
    void add(Runnable action) {
        items().add(action);
    }

    /** Completes {@code future} later. */
    void answer(CompletableFuture<ShuntOutcome> future, ShuntOutcome outcome) {
        List<Object> items = items();
        items.add(future);
        items.add(outcome);
    }

    private List<Object> items() {
        if (actions == null) {
            actions = new ArrayList<>();
        }
        return actions;
    }

    /**
     * Runs what was added, each guarded, then forgets it; {@code where} names the part that
     * collected it in the log of a failure.
     */
    @SuppressWarnings("unchecked")
    void run(String where) {
        List<Object> due = actions;
        actions = null;
        for (int i = 0; due != null && i < due.size(); i++) {
            try {
                if (due.get(i) instanceof CompletableFuture<?> future) {
                    ((CompletableFuture<ShuntOutcome>) future).complete((ShuntOutcome) due.get(++i));
                } else {
                    ((Runnable) due.get(i)).run();
                }
            } catch (Throwable t) {
                Loops.failed(ShuntLog.LOG, where, t);
            }
        }
    }
}
