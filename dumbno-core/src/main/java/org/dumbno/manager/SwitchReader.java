package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;

/**
 * Reads the switch into the engine's table: every read of the lists carries the layout, which is
 * taken first and says how far the read can be trusted; where the layout drifted and may be
 * repaired, it is put back and read again. Lines that left are reported to the listeners. Runs
 * with the engine's call lock held; takes the engine's lock to apply what it read.
 */
final class SwitchReader {
    private final Engine engine;
    private final Object lock;
    @GuardedBy("lock")
    private final ShuntTable table;
    @GuardedBy("lock")
    private final LayoutKeeper layout;

    SwitchReader(Engine engine, Object lock, ShuntTable table, LayoutKeeper layout) {
        this.engine = engine;
        this.lock = lock;
        this.table = table;
        this.layout = layout;
    }

    /**
     * Reads the lists and the layout in one call and applies the read; where the layout drifted
     * and may be repaired, repairs it and reads again.
     *
     * @param sweep whether the read judges lines for expiry ({@code expired} gets those that go)
     * @return the read applied last
     */
    SwitchRead read(boolean sweep, List<EntryState> expired, Deferred deferred) throws SwitchException {
        SwitchRead read = engine.eos().read();
        boolean repair;
        synchronized (lock) {
            applyLocked(read, sweep, expired, deferred);
            repair = layout.needsRepairLocked(read.layout());
        }
        if (!repair) {
            return read;
        }
        layout.repair(read.layout(), deferred);
        SwitchRead again = engine.eos().read();
        synchronized (lock) {
            applyLocked(again, false, new ArrayList<>(), deferred);
            layout.repairedLocked(again.layout());
        }
        return again;
    }

    /** Reads the switch without judging any line for expiry. */
    SwitchRead read(Deferred deferred) throws SwitchException {
        return read(false, new ArrayList<>(), deferred);
    }

    /**
     * Puts back the layout a write found broken and reads the switch again.
     *
     * @return why requests of a family still broken must be refused; null when whole again
     */
    String repairAfterWrite(LayoutReport found, Deferred deferred) throws SwitchException {
        layout.repair(found, deferred);
        read(deferred);
        synchronized (lock) {
            for (LayoutProblem problem : found.problems()) {
                String still = layout.refusalLocked(problem.acl().family());
                if (still != null) {
                    return still;
                }
            }
        }
        return null;
    }

    /** Applies a full read to the table; lines that vanished are reported. */
    @GuardedBy("lock")
    private void applyLocked(SwitchRead read, boolean sweep, List<EntryState> expired, Deferred deferred) {
        LayoutReport trusted = layout.acceptLocked(read.layout());
        ShuntTable.Reconciled changes = table.reconcile(read.acls(), trusted, engine.now(), sweep,
                engine.settings().hardTimeout(), expired);
        Set<Long> reported = new HashSet<>();
        for (EntryState entry : changes.gone()) {
            if (entry.removing() == null && entry.evicting && ShuntLog.LOG.isInfoEnabled()) {
                ShuntLog.LOG.info(ShuntLog.removeEvicted(entry.acl, entry.sequence(), entry.ruleText(), entry.packets(),
                        Duration.between(entry.addedAt, engine.now())));
            }
            if (!table.inUse(entry.sequence()) && reported.add(entry.sequence())) {
                RemovalReason reason = entry.removing() != null ? entry.removing()
                        : entry.evicting ? RemovalReason.EVICTED : RemovalReason.BY_HAND;
                ShuntLog.LOG.debug("seq={} rule=\"{}\" left the switch ({})", entry.sequence(), entry.ruleText(),
                        reason);
                reportRemoval(entry, reason, deferred);
            }
        }
        Map<AclKey, Integer> vanished = new LinkedHashMap<>();
        for (EntryState entry : changes.vanished()) {
            vanished.merge(entry.acl, 1, Integer::sum);
            if (!table.inUse(entry.sequence()) && reported.add(entry.sequence())) {
                reportRemoval(entry, RemovalReason.LAYOUT, deferred);
            }
        }
        vanished.forEach((acl, count) -> ShuntLog.LOG.warn("{} vanished from {} with {} shunts in it: a layout"
                + " problem, not hand removals", acl.describe(), engine.eos().describe(), count));
        layout.skippedLocked(changes.skipped(), deferred);
    }

    /** Tells the listeners, later, that the shunt of {@code entry}, its number's last line, left. */
    void reportRemoval(EntryState entry, RemovalReason reason, Deferred deferred) {
        ShuntTable.Tally tally = entry.lifetime != null ? entry.lifetime
                : new ShuntTable.Tally(entry.packets(), entry.bytes(), entry.addedAt);
        Instant since = tally.since() != null ? tally.since() : entry.addedAt;
        Duration age = Duration.between(since, engine.now());
        RemovedShunt shunt = new RemovedShunt(entry.rule, entry.sequence(), reason, tally.packets(), tally.bytes(),
                age.isNegative() ? Duration.ZERO : age);
        Listeners listeners = engine.listeners();
        deferred.add(() -> listeners.fire(l -> l.removed(shunt)));
    }
}
