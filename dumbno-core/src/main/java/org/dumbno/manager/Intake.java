package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * Takes requests in: answers at once what needs no switch call (bad requests, filtered, at
 * capacity, queue full, shutting down), queues the rest for the lane, and hands a repeated request
 * for a rule believed on the switch to a confirming read.
 */
final class Intake {
    /** Why a request for a rule is refused when a request to take the rule away comes after it. */
    static final String WITHDRAWN = "withdrawn by a request to remove it";

    private final Engine engine;
    private final Object lock;
    @GuardedBy("lock")
    private final ShuntTable table;
    @GuardedBy("lock")
    private final RequestQueue queue;
    @GuardedBy("lock")
    private final Confirmations confirmations;
    @GuardedBy("lock")
    private final LayoutKeeper layout;
    private final Remover remover;
    private final ScheduledExecutorService scheduler;

    Intake(Engine engine, Object lock, ShuntTable table, RequestQueue queue, Confirmations confirmations,
            LayoutKeeper layout, Remover remover, ScheduledExecutorService scheduler) {
        this.engine = engine;
        this.lock = lock;
        this.table = table;
        this.queue = queue;
        this.confirmations = confirmations;
        this.layout = layout;
        this.remover = remover;
        this.scheduler = scheduler;
    }

    /**
     * Queues a request to shunt, or answers it at once, completing {@code future}; see
     * {@link ACLManager#add}. {@code judged} (may be null) is its rule as built for several engines
     * at once.
     */
    CompletableFuture<ShuntOutcome> add(Request request, JudgedRule judged, CompletableFuture<ShuntOutcome> future) {
        Settings settings = engine.settings();
        Rule rule;
        Optional<String> refusal;
        try {
            rule = JudgedRule.ruleFor(judged, request, settings.twoTupleHosts());
            refusal = settings.filter().check(request);
        } catch (InvalidRequestException e) {
            engine.refuse(request, future, null, e.getMessage());
            return future;
        }
        if (refusal.isPresent()) {
            engine.refuse(request, future, rule, refusal.get());
            return future;
        }
        Deferred deferred = new Deferred();
        synchronized (lock) {
            enqueueLocked(request, rule, future, deferred);
        }
        deferred.run("request intake");
        return future;
    }

    @GuardedBy("lock")
    private void enqueueLocked(Request request, Rule rule, CompletableFuture<ShuntOutcome> future,
            Deferred deferred) {
        if (engine.closedLocked()) {
            deferred.add(() -> engine.refuse(request, future, rule, Engine.SHUTTING_DOWN));
            return;
        }
        String layoutRefusal = layout.refusalLocked(rule.family());
        if (layoutRefusal != null) {
            deferred.add(() -> engine.refuse(request, future, rule, layoutRefusal));
            return;
        }
        ShuntTable.Placement placement = table.find(rule);
        boolean believed = placement.sequence() != 0 && placement.missing().isEmpty();
        boolean unread = placement.known() && layout.unreadLocked(rule.family()) != null;
        if ((believed || unread) && !queue.contains(rule)) {
            confirmLocked(request, rule, future, deferred);
            return;
        }
        int max = engine.settings().maxRules();
        int active = table.activeCount() + queue.ruleCount();
        boolean full = max > 0 && !placement.known() && !queue.contains(rule) && active >= max;
        if (full && !roomCanBeMadeLocked(active - max)) {
            refuseLogged(request, future, rule, "at capacity (" + active + " active shunts)", deferred);
            return;
        }
        if (!queue.offer(request, rule, future, engine.now())) {
            refuseLogged(request, future, rule, "queue full (" + queue.requestCount() + " requests waiting)",
                    deferred);
            return;
        }
        engine.kickLocked();
    }

    /**
     * Whether {@code when_full = evict} may make room for one more new rule when {@code over} new
     * rules beyond {@code max_rules} are queued already: more shunts stand than that. Which one goes,
     * if any may (none younger than a purge interval), the batch that writes the rule decides; with
     * none, it refuses the request as at capacity without a switch call.
     */
    @GuardedBy("lock")
    private boolean roomCanBeMadeLocked(int over) {
        return engine.settings().whenFull() == WhenFull.EVICT && table.activeCount() > over;
    }

    /**
     * A repeated request for a rule the engine believes on the switch, or one it knows of from a
     * read that missed a list of its family: the flow still reaches a sensor, so the rule is
     * confirmed by a read (and written again where missing) before {@code ok}. Requests arriving
     * while a confirming read is in flight join it.
     */
    @GuardedBy("lock")
    private void confirmLocked(Request request, Rule rule, CompletableFuture<ShuntOutcome> future,
            Deferred deferred) {
        int waiting = queue.requestCount() + confirmations.size();
        if (waiting >= engine.settings().queueLimit()) {
            refuseLogged(request, future, rule, "queue full (" + waiting + " requests waiting)", deferred);
            return;
        }
        confirmations.add(rule, new PendingRule.Waiter(request, future, engine.now()),
                engine.settings().purgeInterval());
        engine.kickLocked();
    }

    /** Refuses a request, later, for a reason the operator must hear of: the engine's limits. */
    private void refuseLogged(Request request, CompletableFuture<ShuntOutcome> future, Rule rule, String reason,
            Deferred deferred) {
        deferred.add(() -> {
            ShuntLog.LOG.warn("refused {}: {}", request, reason);
            engine.refuse(request, future, rule, reason);
        });
    }

    /**
     * Takes a request's rule away, on the engine's scheduler, completing {@code future}; see
     * {@link ACLManager#remove}. {@code judged} (may be null) is its rule as built for several
     * engines at once.
     */
    CompletableFuture<ShuntOutcome> remove(Request request, JudgedRule judged,
            CompletableFuture<ShuntOutcome> future) {
        Rule rule;
        try {
            rule = JudgedRule.ruleFor(judged, request, engine.settings().twoTupleHosts());
        } catch (InvalidRequestException e) {
            engine.refuse(request, future, null, e.getMessage());
            return future;
        }
        Deferred deferred = new Deferred();
        synchronized (lock) {
            if (engine.closedLocked()) {
                deferred.add(() -> engine.refuse(request, future, rule, Engine.SHUTTING_DOWN));
            } else {
                for (PendingRule.Waiter waiter : queue.withdraw(rule)) {
                    engine.refuseLater(waiter, rule, WITHDRAWN, deferred);
                }
                for (Confirmations.Confirmation repeat : confirmations.withdraw(rule)) {
                    engine.refuseLater(repeat.waiter(), rule, WITHDRAWN, deferred);
                }
                remover.track(future);
                try {
                    scheduler.execute(() -> {
                        if (!future.isDone()) {
                            remover.remove(request, rule, future);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    deferred.add(() -> engine.refuse(request, future, rule, Engine.SHUTTING_DOWN));
                }
            }
        }
        deferred.run("request intake");
        return future;
    }
}
