package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.EntryWriteException;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.rule.Rule;

/**
 * Writes one batch of queued rules in one call and settles every request of it: installed,
 * already present, refused, or back in the queue. Runs with the engine's call lock held.
 */
final class BatchWriter {
    /** Times a rule's number may turn out taken before its requests are refused. */
    static final int MAX_COLLISIONS = 3;

    private final Engine engine;
    private final Object lock;
    private final SwitchReader reader;
    @GuardedBy("lock")
    private final ShuntTable table;
    @GuardedBy("lock")
    private final RequestQueue queue;
    @GuardedBy("lock")
    private final SequenceNumbers numbers;
    @GuardedBy("lock")
    private final LayoutKeeper layout;
    @GuardedBy("lock")
    private final Confirmations confirmations;
    /** The rules of the batch being written, until its call ends. */
    @GuardedBy("lock")
    private List<PendingRule> inFlight = List.of();

    BatchWriter(Engine engine, Object lock, SwitchReader reader, ShuntTable table, RequestQueue queue,
            SequenceNumbers numbers, LayoutKeeper layout, Confirmations confirmations) {
        this.engine = engine;
        this.lock = lock;
        this.reader = reader;
        this.table = table;
        this.queue = queue;
        this.numbers = numbers;
        this.layout = layout;
        this.confirmations = confirmations;
    }

    static String credentialsRefused(AuthenticationException e) {
        return "switch refused dumbno's credentials (" + e.switchName() + ")";
    }

    void writeBatch(Deferred deferred) {
        List<Planned> plan;
        Evictions evictions;
        synchronized (lock) {
            List<PendingRule> batch = queue.take(engine.settings().batchLimit());
            Predicate<Rule> asked = askedFor(batch);
            Instant now = engine.now();
            Duration interval = engine.settings().purgeInterval();
            evictions = new Evictions(table, now, interval, rule -> asked.test(rule) || queue.contains(rule)
                    || confirmations.askedAfter(rule, now.minus(interval)));
            plan = plan(batch, evictions, deferred);
            inFlight = plan.stream().map(Planned::pending).toList();
        }
        try {
            write(plan, evictions, deferred);
        } finally {
            synchronized (lock) {
                inFlight = List.of();
            }
        }
    }

    /**
     * Whether a rule is one of {@code batch} or waits for a confirming read. The set is gathered at
     * the first question, which only a full table with {@code when_full = evict} asks.
     */
    @GuardedBy("lock")
    private Predicate<Rule> askedFor(List<PendingRule> batch) {
        return new Predicate<>() {
            private Set<Rule> asked;

            @Override
            public boolean test(Rule rule) {
                if (asked == null) {
                    asked = confirmations.rules();
                    batch.forEach(pending -> asked.add(pending.rule));
                }
                return asked.contains(rule);
            }
        };
    }

    private void write(List<Planned> plan, Evictions evictions, Deferred deferred) {
        List<EntryWrite> writes = new ArrayList<>();
        plan.forEach(p -> writes.addAll(p.writes()));
        try {
            List<LayoutProblem> problems = engine.eos().write(evictions.refs(), writes);
            synchronized (lock) {
                evictions.removed(reader, deferred);
            }
            String refusal = problems.isEmpty() || !engine.settings().checkLayout() ? null
                    : wroteIntoBrokenList(problems, deferred);
            synchronized (lock) {
                settle(plan, null, null, refusal, deferred);
                engine.writeAnsweredLocked();
            }
        } catch (EntryWriteException e) {
            synchronized (lock) {
                evictions.removed(reader, deferred);
                settle(plan, new HashSet<>(e.applied()), e, null, deferred);
                engine.markStaleLocked();
                engine.writeAnsweredLocked();
            }
        } catch (AuthenticationException e) {
            ShuntLog.LOG.error("cannot write to the switch: {}", e.getMessage());
            refuseAll(plan, evictions, credentialsRefused(e), deferred);
        } catch (SwitchRefusedException e) {
            refuseAll(plan, evictions, "switch refused the change: " + String.join("; ", e.reasons()), deferred);
        } catch (SwitchException e) {
            synchronized (lock) {
                evictions.kept();
                List<PendingRule> back = new ArrayList<>();
                for (Planned p : plan) {
                    release(p);
                    p.pending().attempted = true;
                    back.add(p.pending());
                }
                queue.requeueFront(back);
                engine.switchFailedLocked(e);
            }
        } catch (RuntimeException e) {
            ShuntLog.LOG.error("writing a batch failed", e);
            refuseAll(plan, evictions, "internal error: " + e, deferred);
        } catch (Error e) {
            refuseAll(plan, evictions, "internal error: " + e, deferred);
            throw e;
        }
    }

    /**
     * The summaries read at the end of a write show a list written to is not whole: it was gone and
     * the write created it bare (a reload or a hand edit since the last read), or it lost its
     * counters or bindings. Puts the layout back where allowed, then reads again.
     *
     * @return why the batch's requests must be refused; null when the lists are whole again
     */
    private String wroteIntoBrokenList(List<LayoutProblem> problems, Deferred deferred) {
        LayoutReport found = new LayoutReport(problems);
        ShuntLog.LOG.warn("switch {}: a write found {}", engine.eos().describe(), found.summary());
        String refusal = "switch layout incomplete: " + found.summary();
        if (!engine.settings().repairLayout()) {
            engine.markStale();
            return refusal;
        }
        try {
            return reader.repairAfterWrite(found, deferred);
        } catch (SwitchException e) {
            ShuntLog.LOG.warn("switch {}: repairing the layout after a write failed: {}", engine.eos().describe(),
                    e.getMessage());
            engine.markStale();
            return refusal;
        }
    }

    /**
     * Decides, for each rule of the batch, its number and the lines it lacks; at capacity with
     * {@code when_full = evict}, the shunt that goes to make room for it.
     */
    @GuardedBy("lock")
    private List<Planned> plan(List<PendingRule> batch, Evictions evictions, Deferred deferred) {
        List<Planned> plan = new ArrayList<>(batch.size());
        int fresh = 0;
        for (PendingRule pending : batch) {
            Rule rule = pending.rule;
            String layoutRefusal = layout.refusalLocked(rule.family());
            if (layoutRefusal != null) {
                refuse(pending, layoutRefusal, deferred);
                continue;
            }
            ShuntTable.Placement placement = table.find(rule);
            if (placement.sequence() != 0 && placement.missing().isEmpty()) {
                present(pending, placement.sequence(), deferred);
                continue;
            }
            long sequence = placement.sequence();
            boolean freshNumber = sequence == 0;
            int max = engine.settings().maxRules();
            int active = table.activeCount() + fresh - evictions.count();
            boolean full = !placement.known() && max > 0 && active >= max;
            if (full && engine.settings().whenFull() == WhenFull.REFUSE) {
                refuse(pending, atCapacity(active), deferred);
                continue;
            }
            if (freshNumber) {
                try {
                    sequence = numbers.next();
                } catch (RuntimeException e) {
                    ShuntLog.LOG.error("sequence allocation failed", e);
                    refuse(pending, "sequence allocation failed: " + e.getMessage(), deferred);
                    continue;
                }
                if (sequence == SequenceAllocation.NONE) {
                    refuse(pending, "no free sequence number in " + numbers, deferred);
                    continue;
                }
            }
            if (full && !evictions.makeRoom()) {
                if (freshNumber) {
                    numbers.release(sequence);
                }
                refuse(pending, atCapacity(active), deferred);
                continue;
            }
            if (freshNumber) {
                fresh++;
            }
            EntryWrite[] writes = new EntryWrite[placement.missing().size()];
            for (int i = 0; i < writes.length; i++) {
                writes[i] = new EntryWrite(placement.missing().get(i), sequence, rule);
            }
            plan.add(new Planned(pending, sequence, freshNumber, !placement.known(), List.of(writes)));
        }
        return plan;
    }

    private static String atCapacity(int active) {
        return "at capacity (" + active + " active shunts)";
    }

    /**
     * Records what was applied ({@code applied} null: everything) and settles each rule; the
     * refused one is answered, the rest requeued.
     */
    @GuardedBy("lock")
    private void settle(List<Planned> plan, Set<EntryWrite> applied, EntryWriteException failure, String refusal,
            Deferred deferred) {
        List<PendingRule> back = new ArrayList<>();
        java.time.Instant now = engine.now();
        for (Planned p : plan) {
            boolean all = true;
            if (applied == null) {
                table.added(p.writes(), now);
            } else {
                for (EntryWrite write : p.writes()) {
                    if (applied.contains(write)) {
                        table.added(write.acl(), write.sequence(), write.rule(), now);
                    } else {
                        all = false;
                    }
                }
            }
            if (all && refusal != null && !p.writes().isEmpty()) {
                refuse(p.pending(), refusal, deferred);
            } else if (all) {
                installed(p, deferred);
                if (p.writes().isEmpty()) {
                    release(p);
                }
            } else if (failure != null && p.writes().contains(failure.failedWrite())) {
                release(p);
                if (failure.isSequenceTaken()) {
                    collided(p, failure, back, deferred);
                } else {
                    refuse(p.pending(), failure.reason(), deferred);
                }
            } else {
                release(p);
                back.add(p.pending());
            }
        }
        queue.requeueFront(back);
    }

    /**
     * Another writer holds the line's number: the engine's picture is stale. The caller has asked
     * for a read before the next write; the rule goes back to be placed anew, up to
     * {@link #MAX_COLLISIONS} times.
     */
    @GuardedBy("lock")
    private void collided(Planned p, EntryWriteException failure, List<PendingRule> back, Deferred deferred) {
        PendingRule pending = p.pending();
        EntryWrite taken = failure.failedWrite();
        pending.collisions++;
        if (p.writes().stream().anyMatch(table::holds)) {
            pending.attempted = true;
        }
        if (pending.collisions >= MAX_COLLISIONS) {
            refuse(pending, "sequence number taken on the switch " + pending.collisions
                    + " times in a row (another writer in the range?): " + failure.reason(), deferred);
            return;
        }
        ShuntLog.LOG.warn("seq={} in {} is taken ({}): another writer uses the range; reading the switch again"
                + " and retrying rule \"{}\" under another number", taken.sequence(), taken.acl(), failure.reason(),
                pending.rule.text());
        back.add(pending);
    }

    @GuardedBy("lock")
    private void installed(Planned p, Deferred deferred) {
        Rule rule = p.pending().rule;
        long sequence = p.sequence();
        boolean added = p.newRule() || p.pending().attempted;
        if (ShuntLog.LOG.isInfoEnabled()) {
            ShuntLog.LOG.info(ShuntLog.add(sequence, rule.text()));
        }
        deferred.add(() -> engine.listeners().fire(l -> {
            if (added) {
                l.installed(rule, sequence);
            } else {
                l.alreadyPresent(rule, sequence);
            }
        }));
        boolean fresh = added;
        for (PendingRule.Waiter waiter : p.pending().waiters()) {
            ShuntOutcome outcome = fresh ? ShuntOutcome.installed(rule, sequence)
                    : ShuntOutcome.alreadyPresent(rule, sequence);
            deferred.answer(waiter.future(), outcome);
            fresh = false;
        }
    }

    @GuardedBy("lock")
    private void present(PendingRule pending, long sequence, Deferred deferred) {
        if (pending.attempted) {
            installed(new Planned(pending, sequence, false, true, List.of()), deferred);
            return;
        }
        Rule rule = pending.rule;
        deferred.add(() -> engine.listeners().fire(l -> l.alreadyPresent(rule, sequence)));
        for (PendingRule.Waiter waiter : pending.waiters()) {
            deferred.answer(waiter.future(), ShuntOutcome.alreadyPresent(rule, sequence));
        }
    }

    /** Gives a new number back unless a line under it reached the switch. */
    @GuardedBy("lock")
    private void release(Planned p) {
        if (p.freshNumber() && !table.inUse(p.sequence())) {
            numbers.release(p.sequence());
        }
    }

    @GuardedBy("lock")
    private void refuse(PendingRule pending, String reason, Deferred deferred) {
        for (PendingRule.Waiter waiter : pending.waiters()) {
            ShuntLog.LOG.warn("refused {}: {}", waiter.request(), reason);
            engine.refuseLater(waiter, pending.rule, reason, deferred);
        }
    }

    private void refuseAll(List<Planned> plan, Evictions evictions, String reason, Deferred deferred) {
        synchronized (lock) {
            evictions.kept();
            for (Planned p : plan) {
                release(p);
                refuse(p.pending(), reason, deferred);
            }
            engine.markStaleLocked();
        }
    }

    /** Refuses the requests of the batch in flight, at once: for a close that ran out of time. */
    @GuardedBy("lock")
    void abandonInFlightLocked(String reason, Deferred deferred) {
        for (PendingRule pending : inFlight) {
            pending.waiters().forEach(w -> engine.refuseLater(w, pending.rule, reason, deferred));
        }
    }
}
