package org.dumbno.manager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dumbno.acl.AclKey;
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

    BatchWriter(Engine engine) {
        this.engine = engine;
    }

    static String credentialsRefused(AuthenticationException e) {
        return "switch refused dumbno's credentials (" + e.switchName() + ")";
    }

    void writeBatch(List<Runnable> after) {
        List<Planned> plan;
        synchronized (engine.lock) {
            plan = plan(engine.queue.take(engine.settings.batchLimit()), after);
            engine.inFlight = plan.stream().map(Planned::pending).toList();
        }
        try {
            write(plan, after);
        } finally {
            synchronized (engine.lock) {
                engine.inFlight = List.of();
            }
        }
    }

    private void write(List<Planned> plan, List<Runnable> after) {
        List<EntryWrite> writes = new ArrayList<>();
        plan.forEach(p -> writes.addAll(p.writes()));
        try {
            List<LayoutProblem> problems = engine.eos.write(writes);
            String refusal = problems.isEmpty() || !engine.settings.checkLayout() ? null
                    : wroteIntoBrokenList(problems, after);
            synchronized (engine.lock) {
                settle(plan, null, null, refusal, after);
                engine.reachableLocked();
            }
        } catch (EntryWriteException e) {
            synchronized (engine.lock) {
                settle(plan, new HashSet<>(e.applied()), e, null, after);
                engine.needsResync = true;
                engine.reachableLocked();
            }
        } catch (AuthenticationException e) {
            ShuntLog.LOG.error("cannot write to the switch: {}", e.getMessage());
            refuseAll(plan, credentialsRefused(e), after);
        } catch (SwitchRefusedException e) {
            refuseAll(plan, "switch refused the change: " + String.join("; ", e.reasons()), after);
        } catch (SwitchException e) {
            synchronized (engine.lock) {
                List<PendingRule> back = new ArrayList<>();
                for (Planned p : plan) {
                    release(p);
                    p.pending().attempted = true;
                    back.add(p.pending());
                }
                engine.queue.requeueFront(back);
                engine.unreachableLocked(e);
            }
        } catch (RuntimeException e) {
            ShuntLog.LOG.error("writing a batch failed", e);
            refuseAll(plan, "internal error: " + e, after);
        } catch (Error e) {
            refuseAll(plan, "internal error: " + e, after);
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
    private String wroteIntoBrokenList(List<LayoutProblem> problems, List<Runnable> after) {
        LayoutReport found = new LayoutReport(problems);
        ShuntLog.LOG.warn("switch {}: a write found {}", engine.eos.describe(), found.summary());
        String refusal = "switch layout incomplete: " + found.summary();
        if (!engine.settings.repairLayout()) {
            synchronized (engine.lock) {
                engine.needsResync = true;
            }
            return refusal;
        }
        try {
            engine.layout.repair(found, after);
            engine.readSwitch(false, new ArrayList<>(), after);
        } catch (SwitchException e) {
            ShuntLog.LOG.warn("switch {}: repairing the layout after a write failed: {}", engine.eos.describe(),
                    e.getMessage());
            synchronized (engine.lock) {
                engine.needsResync = true;
            }
            return refusal;
        }
        synchronized (engine.lock) {
            for (LayoutProblem problem : problems) {
                String still = engine.layout.refusalLocked(problem.acl().family());
                if (still != null) {
                    return still;
                }
            }
        }
        return null;
    }

    /** Decides, for each rule of the batch, its number and the lines it lacks. */
    private List<Planned> plan(List<PendingRule> batch, List<Runnable> after) {
        List<Planned> plan = new ArrayList<>(batch.size());
        int fresh = 0;
        for (PendingRule pending : batch) {
            Rule rule = pending.rule;
            String layoutRefusal = engine.layout.refusalLocked(rule.family());
            if (layoutRefusal != null) {
                refuse(pending, layoutRefusal, after);
                continue;
            }
            ShuntTable.Placement placement = engine.table.find(rule);
            if (placement.sequence() != 0 && placement.missing().isEmpty()) {
                present(pending, placement.sequence(), after);
                continue;
            }
            long sequence = placement.sequence();
            boolean freshNumber = sequence == 0;
            int max = engine.settings.maxRules();
            int active = engine.table.activeCount() + fresh;
            if (!placement.known() && max > 0 && active >= max) {
                refuse(pending, "at capacity (" + active + " active shunts)", after);
                continue;
            }
            if (freshNumber) {
                sequence = engine.allocator.next();
                if (sequence < 0) {
                    refuse(pending, "no free sequence number in " + engine.allocator, after);
                    continue;
                }
                fresh++;
            }
            List<EntryWrite> writes = new ArrayList<>();
            for (AclKey acl : placement.missing()) {
                writes.add(new EntryWrite(acl, sequence, rule));
            }
            plan.add(new Planned(pending, sequence, freshNumber, !placement.known(), writes));
        }
        return plan;
    }

    /**
     * Records what was applied ({@code applied} null: everything) and settles each rule; the
     * refused one is answered, the rest requeued.
     */
    private void settle(List<Planned> plan, Set<EntryWrite> applied, EntryWriteException failure, String refusal,
            List<Runnable> after) {
        List<PendingRule> back = new ArrayList<>();
        java.time.Instant now = engine.now();
        for (Planned p : plan) {
            boolean all = true;
            String stored = p.writes().isEmpty() ? null : "deny " + p.pending().rule.canonicalText();
            for (EntryWrite write : p.writes()) {
                if (applied == null || applied.contains(write)) {
                    engine.table.added(write.acl(), write.sequence(), write.rule(), stored, now);
                } else {
                    all = false;
                }
            }
            if (all && refusal != null && !p.writes().isEmpty()) {
                refuse(p.pending(), refusal, after);
            } else if (all) {
                installed(p, after);
                if (p.writes().isEmpty()) {
                    release(p);
                }
            } else if (failure != null && p.writes().contains(failure.failedWrite())) {
                release(p);
                if (failure.isSequenceTaken()) {
                    collided(p, failure, back, after);
                } else {
                    refuse(p.pending(), failure.reason(), after);
                }
            } else {
                release(p);
                back.add(p.pending());
            }
        }
        engine.queue.requeueFront(back);
    }

    /**
     * Another writer holds the line's number: the engine's picture is stale. The caller has asked
     * for a read before the next write; the rule goes back to be placed anew, up to
     * {@link #MAX_COLLISIONS} times.
     */
    private void collided(Planned p, EntryWriteException failure, List<PendingRule> back, List<Runnable> after) {
        PendingRule pending = p.pending();
        EntryWrite taken = failure.failedWrite();
        pending.collisions++;
        if (p.writes().stream().anyMatch(engine.table::holds)) {
            pending.attempted = true;
        }
        if (pending.collisions >= MAX_COLLISIONS) {
            refuse(pending, "sequence number taken on the switch " + pending.collisions
                    + " times in a row (another writer in the range?): " + failure.reason(), after);
            return;
        }
        ShuntLog.LOG.warn("seq={} in {} is taken ({}): another writer uses the range; reading the switch again"
                + " and retrying rule \"{}\" under another number", taken.sequence(), taken.acl(), failure.reason(),
                pending.rule.text());
        back.add(pending);
    }

    private void installed(Planned p, List<Runnable> after) {
        Rule rule = p.pending().rule;
        long sequence = p.sequence();
        boolean added = p.newRule() || p.pending().attempted;
        if (ShuntLog.LOG.isInfoEnabled()) {
            ShuntLog.LOG.info(ShuntLog.add(sequence, rule.text()));
        }
        after.add(() -> engine.listeners.fire(l -> {
            if (added) {
                l.added(rule, sequence);
            } else {
                l.alreadyPresent(rule, sequence);
            }
        }));
        boolean fresh = added;
        for (PendingRule.Waiter waiter : p.pending().waiters) {
            ShuntOutcome outcome = fresh ? ShuntOutcome.installed(rule, sequence)
                    : ShuntOutcome.alreadyPresent(rule, sequence);
            after.add(() -> waiter.future().complete(outcome));
            fresh = false;
        }
    }

    private void present(PendingRule pending, long sequence, List<Runnable> after) {
        if (pending.attempted) {
            installed(new Planned(pending, sequence, false, true, List.of()), after);
            return;
        }
        Rule rule = pending.rule;
        after.add(() -> engine.listeners.fire(l -> l.alreadyPresent(rule, sequence)));
        for (PendingRule.Waiter waiter : pending.waiters) {
            after.add(() -> waiter.future().complete(ShuntOutcome.alreadyPresent(rule, sequence)));
        }
    }

    /** Gives a new number back unless a line under it reached the switch. */
    private void release(Planned p) {
        if (p.freshNumber() && !engine.table.inUse(p.sequence())) {
            engine.allocator.release(p.sequence());
        }
    }

    private void refuse(PendingRule pending, String reason, List<Runnable> after) {
        for (PendingRule.Waiter waiter : pending.waiters) {
            ShuntLog.LOG.warn("refused {}: {}", waiter.request(), reason);
            engine.refuseLater(waiter, pending.rule, reason, after);
        }
    }

    private void refuseAll(List<Planned> plan, String reason, List<Runnable> after) {
        synchronized (engine.lock) {
            for (Planned p : plan) {
                release(p);
                refuse(p.pending(), reason, after);
            }
            engine.needsResync = true;
        }
    }
}
