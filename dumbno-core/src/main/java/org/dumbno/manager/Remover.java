package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.SwitchException;
import org.dumbno.internal.Loops;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * Takes one rule away on request. The switch is read first, so a copy under a number dumbno never
 * wrote goes too; every line of the rule in the lists of its family is removed in one call; then
 * the switch is read again, and the removal is answered only when that read shows none left
 * (another writer may have put one back meanwhile: it goes in the next round). Runs with the
 * engine's call lock held, so it never overlaps a write or a sweep.
 */
final class Remover {
    /** Rounds of read and remove before a rule that keeps coming back is reported. */
    static final int MAX_ROUNDS = 3;

    private final Engine engine;

    Remover(Engine engine) {
        this.engine = engine;
    }

    /** Removes {@code rule} and completes {@code future} with the outcome; never throws. */
    void remove(Request request, Rule rule, CompletableFuture<ShuntOutcome> future) {
        List<Runnable> after = new ArrayList<>();
        ShuntOutcome outcome;
        engine.callLock.lock();
        try {
            outcome = removeRounds(rule, after);
        } catch (AuthenticationException e) {
            ShuntLog.LOG.error("cannot remove from the switch: {}", e.getMessage());
            outcome = refused(rule, BatchWriter.credentialsRefused(e));
        } catch (SwitchException e) {
            outcome = refused(rule, "switch unreachable (" + e.getMessage() + ")");
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "removal of " + request, t);
            outcome = refused(rule, "internal error: " + t);
        } finally {
            engine.callLock.unlock();
        }
        try {
            after.forEach(Remover::runGuarded);
            if (!outcome.ok()) {
                ShuntLog.LOG.warn("refused removal of {}: {}", request, outcome.reason());
                String reason = outcome.reason();
                engine.listeners.fire(l -> l.failed(request, reason));
            }
        } finally {
            future.complete(outcome);
        }
    }

    /** Runs a deferred answer or event of the removal; whatever it throws, the removal is answered. */
    private static void runGuarded(Runnable deferred) {
        try {
            deferred.run();
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "removal", t);
        }
    }

    private ShuntOutcome refused(Rule rule, String reason) {
        synchronized (engine.lock) {
            engine.needsResync = true;
        }
        return ShuntOutcome.refused(rule, reason);
    }

    private ShuntOutcome removeRounds(Rule rule, List<Runnable> after) throws SwitchException {
        long lowest = 0;
        for (int round = 0; round <= MAX_ROUNDS; round++) {
            List<EntryState> lines = read(rule, after);
            if (lines.isEmpty()) {
                return lowest == 0 ? ShuntOutcome.notPresent(rule) : ShuntOutcome.removed(rule, lowest);
            }
            if (round == MAX_ROUNDS) {
                break;
            }
            removeLines(lines, after);
            long first = lines.stream().mapToLong(e -> e.sequence).min().orElse(0);
            lowest = lowest == 0 ? first : Math.min(lowest, first);
        }
        return refused(rule, "rule still on the switch after " + MAX_ROUNDS
                + " removals (another writer puts it back?)");
    }

    /** Reads the switch and returns every line of {@code rule}, marked as being removed. */
    private List<EntryState> read(Rule rule, List<Runnable> after) throws SwitchException {
        engine.readSwitch(false, new ArrayList<>(), after);
        synchronized (engine.lock) {
            engine.needsResync = false;
            engine.reachableLocked();
            List<EntryState> lines = engine.table.linesOf(rule);
            lines.forEach(line -> line.removing = RemovalReason.REQUEST);
            return lines;
        }
    }

    private void removeLines(List<EntryState> lines, List<Runnable> after) throws SwitchException {
        try {
            engine.eos.remove(lines.stream().map(e -> new EntryRef(e.acl, e.sequence)).toList());
        } catch (SwitchException | RuntimeException e) {
            synchronized (engine.lock) {
                lines.forEach(line -> line.removing = null);
            }
            throw e;
        }
        Instant now = engine.now();
        synchronized (engine.lock) {
            for (EntryState entry : lines) {
                if (ShuntLog.LOG.isInfoEnabled()) {
                    ShuntLog.LOG.info(ShuntLog.removeByRequest(entry.acl, entry.sequence, entry.ruleText(),
                            entry.packets, Duration.between(entry.addedAt, now)));
                }
                if (engine.table.remove(entry)) {
                    engine.removedLater(entry, RemovalReason.REQUEST, after);
                }
            }
        }
    }
}
