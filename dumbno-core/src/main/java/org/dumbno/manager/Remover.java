package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Object lock;
    private final SwitchReader reader;
    @GuardedBy("lock")
    private final ShuntTable table;
    /** Removals not yet answered: refused at close. */
    private final Set<CompletableFuture<ShuntOutcome>> unanswered = ConcurrentHashMap.newKeySet();

    Remover(Engine engine, Object lock, SwitchReader reader, ShuntTable table) {
        this.engine = engine;
        this.lock = lock;
        this.reader = reader;
        this.table = table;
    }

    /** Keeps {@code future} until it completes, to be refused should the engine close first. */
    void track(CompletableFuture<ShuntOutcome> future) {
        unanswered.add(future);
        future.whenComplete((outcome, failure) -> unanswered.remove(future));
    }

    /** Refuses every removal not yet answered. */
    void refuseTracked(String reason) {
        for (CompletableFuture<ShuntOutcome> removal : List.copyOf(unanswered)) {
            removal.complete(ShuntOutcome.refused(null, reason));
        }
    }

    /** Removes {@code rule} and completes {@code future} with the outcome; never throws. */
    void remove(Request request, Rule rule, CompletableFuture<ShuntOutcome> future) {
        ShuntOutcome outcome;
        try {
            outcome = engine.callSwitch("removal", deferred -> removeOrRefuse(request, rule, deferred));
            if (!outcome.ok()) {
                ShuntLog.LOG.warn("refused removal of {}: {}", request, outcome.reason());
                String reason = outcome.reason();
                engine.listeners().fire(l -> l.refused(request, reason));
            }
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "removal of " + request, t);
            outcome = refused(rule, "internal error: " + t);
        }
        future.complete(outcome);
    }

    private ShuntOutcome removeOrRefuse(Request request, Rule rule, Deferred deferred) {
        try {
            return removeRounds(rule, deferred);
        } catch (AuthenticationException e) {
            ShuntLog.LOG.error("cannot remove from the switch: {}", e.getMessage());
            return refused(rule, BatchWriter.credentialsRefused(e));
        } catch (SwitchException e) {
            return refused(rule, "switch unreachable (" + e.getMessage() + ")");
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "removal of " + request, t);
            return refused(rule, "internal error: " + t);
        }
    }

    private ShuntOutcome refused(Rule rule, String reason) {
        engine.markStale();
        return ShuntOutcome.refused(rule, reason);
    }

    private ShuntOutcome removeRounds(Rule rule, Deferred deferred) throws SwitchException {
        long lowest = 0;
        for (int round = 0; round <= MAX_ROUNDS; round++) {
            List<EntryState> lines = read(rule, deferred);
            if (lines.isEmpty()) {
                return lowest == 0 ? ShuntOutcome.notPresent(rule) : ShuntOutcome.removed(rule, lowest);
            }
            if (round == MAX_ROUNDS) {
                // given up: the lines stand, as the read shows them, and a request for the rule
                // finds it there rather than writing it again under another number
                synchronized (lock) {
                    lines.forEach(line -> line.removing(null));
                }
                break;
            }
            removeLines(lines, deferred);
            long first = lines.stream().mapToLong(e -> e.sequence()).min().orElse(0);
            lowest = lowest == 0 ? first : Math.min(lowest, first);
        }
        return refused(rule, "rule still on the switch after " + MAX_ROUNDS
                + " removals (another writer puts it back?)");
    }

    /** Reads the switch and returns every line of {@code rule}, marked as being removed. */
    private List<EntryState> read(Rule rule, Deferred deferred) throws SwitchException {
        reader.read(deferred);
        synchronized (lock) {
            engine.readAnsweredLocked();
            List<EntryState> lines = table.linesOf(rule);
            lines.forEach(line -> line.removing(RemovalReason.REQUEST));
            return lines;
        }
    }

    private void removeLines(List<EntryState> lines, Deferred deferred) throws SwitchException {
        try {
            engine.eos().remove(lines.stream().map(e -> new EntryRef(e.acl, e.sequence())).toList());
        } catch (Throwable t) {
            // whatever ended the call (an Error too), the lines stand until a read says otherwise
            synchronized (lock) {
                lines.forEach(line -> line.removing(null));
            }
            throw t;
        }
        Instant now = engine.now();
        synchronized (lock) {
            for (EntryState entry : lines) {
                if (ShuntLog.LOG.isInfoEnabled()) {
                    ShuntLog.LOG.info(ShuntLog.removeByRequest(entry.acl, entry.sequence(), entry.ruleText(),
                            entry.packets(), Duration.between(entry.addedAt, now)));
                }
                if (table.remove(entry)) {
                    reader.reportRemoval(entry, RemovalReason.REQUEST, deferred);
                }
            }
        }
    }
}
