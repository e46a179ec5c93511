package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.internal.Loops;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;

/**
 * Confirms repeated requests with reads made beside the writes, so that neither waits for the
 * other: a repeat is answered after one read of the lists, and new rules keep being written
 * meanwhile. At most one such read is in flight; repeats that arrive meanwhile join it.
 *
 * <p>The read proves a repeat only when it shows the rule in every list of its family, those lists
 * whole and read, and the engine still holds the rule whole (nothing is removing it, nothing
 * queued writes it again). Anything else, and a read that fails, hands the request to the write
 * lane, whose read brings the engine's table up to date and writes the rule again where the
 * switch lacks it. The read changes nothing in the table: writes may land while it is in flight,
 * and only the write lane's reads, made between its writes, can tell what left the switch.
 */
final class ConfirmingReads {
    private final Engine engine;
    private final Object lock;
    @GuardedBy("lock")
    private final Confirmations confirmations;
    @GuardedBy("lock")
    private final ShuntTable table;
    @GuardedBy("lock")
    private final RequestQueue queue;
    @GuardedBy("lock")
    private final LayoutKeeper layout;
    @GuardedBy("lock")
    private final Outage outage;
    private final Executor executor;

    ConfirmingReads(Engine engine, Object lock, Confirmations confirmations, ShuntTable table, RequestQueue queue,
            LayoutKeeper layout, Outage outage, Executor executor) {
        this.engine = engine;
        this.lock = lock;
        this.confirmations = confirmations;
        this.table = table;
        this.queue = queue;
        this.layout = layout;
        this.outage = outage;
        this.executor = executor;
    }

    /**
     * Starts a read for the repeats waiting, unless one is in flight. While the switch is away, or
     * the engine closes, the repeats go to the write lane, which waits out the outage and refuses
     * what it must.
     */
    @GuardedBy("lock")
    void kickLocked() {
        if (!engine.startedLocked() || !confirmations.freshReadDue()) {
            return;
        }
        if (outage.ongoing() || engine.closedLocked()) {
            confirmations.allToLane();
            return;
        }
        confirmations.freshReadStarted();
        try {
            executor.execute(this::readOnce);
        } catch (RejectedExecutionException e) {
            confirmations.freshReadDone().forEach(confirmations::toLane);
        }
    }

    private void readOnce() {
        synchronized (lock) {
            if (!confirmations.freshCallStarting()) {
                return;
            }
        }
        Deferred deferred = new Deferred();
        try {
            SwitchRead read = readOrNull();
            synchronized (lock) {
                settleLocked(read, deferred);
            }
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "confirming read", t);
            synchronized (lock) {
                confirmations.freshReadDone().forEach(confirmations::toLane);
                engine.kickLocked();
            }
        }
        deferred.run("confirming read");
    }

    /** The lists as the switch shows them now; null when it cannot be read (the write lane finds out why). */
    private SwitchRead readOrNull() {
        try {
            return engine.eos().read();
        } catch (SwitchException e) {
            ShuntLog.LOG.debug("confirming read failed: {}", e.getMessage());
            return null;
        }
    }

    /** Answers the repeats {@code read} proves; hands the others to the write lane. */
    @GuardedBy("lock")
    private void settleLocked(SwitchRead read, Deferred deferred) {
        Map<AclKey, Set<Rule>> shown = read == null ? Map.of() : shown(read, confirmations.rules(), table);
        List<Confirmations.Confirmation> done = confirmations.freshReadDone();
        for (Confirmations.Confirmation confirmation : done) {
            Rule rule = confirmation.rule();
            long sequence = read == null ? 0 : provenLocked(rule, read, shown);
            if (sequence == 0) {
                boolean missedAList = read != null && LayoutKeeper.missedAList(read.layout(), rule.family());
                confirmations.toLane(missedAList ? confirmation.missedAList() : confirmation);
                continue;
            }
            Listeners listeners = engine.listeners();
            deferred.add(() -> listeners.fire(l -> l.alreadyPresent(rule, sequence)));
            deferred.answer(confirmation.waiter().future(), ShuntOutcome.alreadyPresent(rule, sequence));
        }
        engine.kickLocked();
    }

    /**
     * Of the rules {@code asked} for, those each list shows as a deny line in the managed range, as
     * the write lane's reads count them (a copy behind the list's last permit filters nothing).
     * Taken before the requests of the read: should the read not be taken in, they are still in
     * flight, and go to the write lane.
     */
    private static Map<AclKey, Set<Rule>> shown(SwitchRead read, Set<Rule> asked, ShuntTable table) {
        Map<AclKey, Set<Rule>> shown = new HashMap<>();
        read.acls().forEach((acl, lines) -> {
            Set<Rule> found = new HashSet<>();
            for (AclEntry line : lines) {
                if (line.isDeny() && table.manages(line.sequence()) && line.rule() != null
                        && asked.contains(line.rule())) {
                    found.add(line.rule());
                }
            }
            shown.put(acl, found);
        });
        return shown;
    }

    /**
     * The number to answer a repeat of {@code rule} with, when {@code read} proves it: every list of
     * its family whole, read and holding it, and the engine holding it whole still; else 0. Nothing
     * is proven while the engine's picture is stale: a removal whose answer was lost may have landed
     * after the read, and only a read made since can tell.
     */
    @GuardedBy("lock")
    private long provenLocked(Rule rule, SwitchRead read, Map<AclKey, Set<Rule>> shown) {
        Family family = rule.family();
        if (engine.staleLocked() || layout.refusalLocked(family) != null || layout.unreadLocked(family) != null
                || !layout.wholeAndRead(read.layout(), family)) {
            return 0;
        }
        ShuntTable.Placement placement = table.find(rule);
        if (placement.sequence() == 0 || !placement.missing().isEmpty() || queue.contains(rule)) {
            return 0;
        }
        for (AclKey acl : table.lists(family)) {
            if (!shown.getOrDefault(acl, Set.of()).contains(rule)) {
                return 0;
            }
        }
        return placement.sequence();
    }
}
