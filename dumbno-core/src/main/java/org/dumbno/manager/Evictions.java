package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.dumbno.acl.EntryRef;
import org.dumbno.rule.Rule;

/**
 * The shunts one batch removes to make room for its new rules ({@code when_full = evict}): chosen
 * while the batch is planned, removed in the call that writes it. While that call runs their
 * lines count as gone; when it fails before removing them they count again. Guarded by the
 * engine's lock.
 */
final class Evictions {
    private final ShuntTable table;
    private final Instant now;
    private final Duration minAge;
    private final Predicate<Rule> keep;
    private final List<EntryState> lines = new ArrayList<>();
    /** The candidates not chosen yet, least active first; read once, at the first need. */
    private Iterator<List<EntryState>> candidates;
    private int shunts;

    /**
     * @param minAge the youngest a shunt may be and go: one purge interval
     * @param keep the rules that must stay (asked for: in this batch, still queued, waiting for a
     *        confirming read, or asked for again within the last {@code minAge})
     */
    Evictions(ShuntTable table, Instant now, Duration minAge, Predicate<Rule> keep) {
        this.table = table;
        this.now = now;
        this.minAge = minAge;
        this.keep = keep;
    }

    /** Chooses the least active shunt to go with this batch; false when none may. */
    boolean makeRoom() {
        if (candidates == null) {
            candidates = table.evictionCandidates(now, minAge, keep).iterator();
        }
        if (!candidates.hasNext()) {
            return false;
        }
        List<EntryState> victim = candidates.next();
        victim.forEach(line -> {
            line.removing(RemovalReason.EVICTED);
            line.evicting = true;
        });
        lines.addAll(victim);
        shunts++;
        return true;
    }

    /** Shunts chosen so far. */
    int count() {
        return shunts;
    }

    /** The lines to remove, for the switch call. */
    List<EntryRef> refs() {
        return lines.stream().map(line -> new EntryRef(line.acl, line.sequence())).toList();
    }

    /** The call removed them: logged {@code op=REMOVE ... reason=evicted}, dropped, reported. */
    void removed(SwitchReader reader, Deferred deferred) {
        for (EntryState entry : lines) {
            if (ShuntLog.LOG.isInfoEnabled()) {
                ShuntLog.LOG.info(ShuntLog.removeEvicted(entry.acl, entry.sequence(), entry.ruleText(), entry.packets(),
                        Duration.between(entry.addedAt, now)));
            }
            if (table.remove(entry)) {
                reader.reportRemoval(entry, RemovalReason.EVICTED, deferred);
            }
        }
    }

    /**
     * The call did not remove them, or may not have: they count again until a read says; one that
     * finds them gone reports them evicted.
     */
    void kept() {
        lines.forEach(line -> line.removing(null));
    }
}
