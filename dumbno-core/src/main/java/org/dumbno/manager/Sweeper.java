package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.acl.SwitchUnavailableException;

/**
 * One expiry sweep: read every list in one call, judge each managed line against the previous
 * sweep, remove the idle and the timed-out in one call. While that call runs, the lines it removes
 * count as gone, so a request for one of their rules waits for it and writes the rule again; when
 * it fails they count again.
 */
final class Sweeper {
    private final Engine engine;

    Sweeper(Engine engine) {
        this.engine = engine;
    }

    PurgeReport sweep() throws SwitchException {
        List<Runnable> after = new ArrayList<>();
        engine.callLock.lock();
        try {
            return sweep(after);
        } finally {
            engine.callLock.unlock();
            after.forEach(Runnable::run);
        }
    }

    private PurgeReport sweep(List<Runnable> after) throws SwitchException {
        int before;
        synchronized (engine.lock) {
            before = engine.table.activeCount();
        }
        List<EntryState> expired = new ArrayList<>();
        SwitchRead read;
        try {
            read = engine.readSwitch(true, expired, after);
        } catch (SwitchException e) {
            synchronized (engine.lock) {
                engine.needsResync = true;
                if (e instanceof SwitchUnavailableException) {
                    engine.outageLocked(e);
                }
            }
            throw e;
        }
        int examined;
        int vanished;
        synchronized (engine.lock) {
            vanished = Math.max(0, before - engine.table.activeCount());
            engine.needsResync = false;
            engine.reachableLocked();
            examined = countManaged(read.acls());
        }
        if (expired.isEmpty()) {
            return new PurgeReport(examined, List.of(), vanished);
        }
        try {
            engine.eos.remove(expired.stream().map(e -> new EntryRef(e.acl, e.sequence)).toList());
        } catch (SwitchException e) {
            synchronized (engine.lock) {
                expired.forEach(entry -> entry.removing = null);
                engine.needsResync = true;
            }
            throw e;
        }
        return new PurgeReport(examined, removed(expired, after), vanished);
    }

    private List<PurgeReport.Removal> removed(List<EntryState> expired, List<Runnable> after) {
        Instant now = engine.now();
        List<PurgeReport.Removal> removals = new ArrayList<>(expired.size());
        synchronized (engine.lock) {
            for (EntryState entry : expired) {
                Duration age = Duration.between(entry.addedAt, now);
                String rule = entry.ruleText();
                if (ShuntLog.LOG.isInfoEnabled()) {
                    ShuntLog.LOG.info(ShuntLog.remove(entry.acl, entry.sequence, rule, entry.packets, age));
                }
                removals.add(new PurgeReport.Removal(entry.acl, entry.sequence, rule, entry.packets, age,
                        entry.removing));
                if (engine.table.remove(entry)) {
                    engine.removedLater(entry, entry.removing, after);
                }
            }
        }
        return removals;
    }

    private int countManaged(Map<AclKey, List<AclEntry>> read) {
        int count = 0;
        for (List<AclEntry> lines : read.values()) {
            for (AclEntry line : lines) {
                if (line.isDeny() && engine.allocator.inRange(line.sequence())) {
                    count++;
                }
            }
        }
        return count;
    }
}
