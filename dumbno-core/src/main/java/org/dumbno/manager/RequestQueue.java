package org.dumbno.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * Requests waiting for the switch, one entry per distinct rule, oldest first, bounded in
 * requests. Not thread-safe: the engine guards it.
 */
final class RequestQueue {
    private final int limit;
    private LinkedHashMap<Rule, PendingRule> rules = new LinkedHashMap<>();
    private int requests;

    RequestQueue(int limit) {
        this.limit = limit;
    }

    /** Queues a request; false when the queue is full. */
    boolean offer(Request request, Rule rule, CompletableFuture<ShuntOutcome> future, Instant now) {
        if (requests >= limit) {
            return false;
        }
        rules.computeIfAbsent(rule, PendingRule::new).add(new PendingRule.Waiter(request, future, now));
        requests++;
        return true;
    }

    /**
     * Queues a request that was already counted against the limit (a repeated request whose rule
     * a read found missing), behind the rules waiting.
     */
    void requeue(Rule rule, PendingRule.Waiter waiter) {
        rules.computeIfAbsent(rule, PendingRule::new).add(waiter);
        requests++;
    }

    /** Takes up to {@code max} rules, oldest first. */
    List<PendingRule> take(int max) {
        List<PendingRule> batch = new ArrayList<>(Math.min(max, rules.size()));
        Iterator<PendingRule> it = rules.values().iterator();
        while (it.hasNext() && batch.size() < max) {
            PendingRule next = it.next();
            it.remove();
            requests -= next.waiterCount();
            batch.add(next);
        }
        return batch;
    }

    /** Puts rules back in front of the queue, in their order, merging with later asks. */
    void requeueFront(List<PendingRule> back) {
        if (back.isEmpty()) {
            return;
        }
        LinkedHashMap<Rule, PendingRule> merged = new LinkedHashMap<>();
        for (PendingRule pending : back) {
            merged.put(pending.rule, pending);
            requests += pending.waiterCount();
        }
        for (Map.Entry<Rule, PendingRule> later : rules.entrySet()) {
            PendingRule earlier = merged.get(later.getKey());
            if (earlier == null) {
                merged.put(later.getKey(), later.getValue());
            } else {
                later.getValue().waiters().forEach(earlier::add);
            }
        }
        rules = merged;
    }

    /** Removes and returns the requests asked before {@code cutoff}. */
    List<PendingRule.Waiter> expire(Instant cutoff) {
        List<PendingRule.Waiter> expired = new ArrayList<>();
        Iterator<PendingRule> it = rules.values().iterator();
        while (it.hasNext()) {
            PendingRule pending = it.next();
            expired.addAll(pending.removeIf(w -> w.since().isBefore(cutoff)));
            if (pending.waiterCount() == 0) {
                it.remove();
            }
        }
        requests -= expired.size();
        return expired;
    }

    /** Takes {@code rule} out of the queue; its waiting requests, none when it was not queued. */
    List<PendingRule.Waiter> withdraw(Rule rule) {
        PendingRule pending = rules.remove(rule);
        if (pending == null) {
            return List.of();
        }
        requests -= pending.waiterCount();
        return pending.waiters();
    }

    boolean contains(Rule rule) {
        return rules.containsKey(rule);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Distinct rules waiting. */
    int ruleCount() {
        return rules.size();
    }

    /** Requests waiting. */
    int requestCount() {
        return requests;
    }
}
