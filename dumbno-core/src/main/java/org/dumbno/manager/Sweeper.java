package org.dumbno.manager;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.internal.LoopWatch;
import org.dumbno.internal.Loops;

/**
 * The expiry sweeps, one every purge interval once started. A sweep reads every list in one
 * call, judges each managed line against the previous sweep, and removes the idle and the
 * timed-out in one call. While that call runs, the lines it removes count as gone, so a request
 * for one of their rules waits for it and writes the rule again; when it fails they count again.
 */
final class Sweeper {
    private final Engine engine;
    private final Object lock;
    private final SwitchReader reader;
    @GuardedBy("lock")
    private final ShuntTable table;
    @GuardedBy("lock")
    private final SequenceNumbers numbers;
    private final ScheduledExecutorService scheduler;
    private final LoopWatch watch;
    @GuardedBy("lock")
    private ScheduledFuture<?> loop;

    Sweeper(Engine engine, Object lock, SwitchReader reader, ShuntTable table, SequenceNumbers numbers,
            ScheduledExecutorService scheduler) {
        this.engine = engine;
        this.lock = lock;
        this.reader = reader;
        this.table = table;
        this.numbers = numbers;
        this.scheduler = scheduler;
        Settings settings = engine.settings();
        this.watch = new LoopWatch("purge loop", settings.purgeInterval(), settings.clock(), engine::purgeIdle);
    }

    /** Starts the purge loop: the first sweep one purge interval from now. */
    @GuardedBy("lock")
    void startLoopLocked() {
        watch.progressed();
        long every = engine.settings().purgeInterval().toNanos();
        loop = scheduler.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.NANOSECONDS);
    }

    /** Stops the purge loop; a sweep under way ends. */
    @GuardedBy("lock")
    void stopLoopLocked() {
        if (loop != null) {
            loop.cancel(false);
        }
    }

    /** The purge interval is now {@code interval}: the loop, if {@code running}, sweeps next one new interval from now. */
    @GuardedBy("lock")
    void intervalChangedLocked(Duration before, Duration interval, boolean running) {
        watch.interval(interval);
        if (!before.equals(interval) && loop != null && running) {
            loop.cancel(false);
            startLoopLocked();
        }
    }

    /** Why the purge loop counts as stalled; empty while it sweeps. */
    Optional<String> stall() {
        return watch.stall();
    }

    /** One round of the purge loop: whatever it meets, the next round still runs. */
    private void sweepQuietly() {
        try {
            PurgeReport report = sweep();
            ShuntLog.LOG.debug("purge: {} lines examined, {} removed", report.examined(), report.removed().size());
            watch.progressed();
        } catch (SwitchException e) {
            ShuntLog.LOG.warn("purge skipped: {}", e.getMessage());
            watch.progressed();
        } catch (Throwable t) {
            Loops.failed(ShuntLog.LOG, "purge loop", t);
        }
    }

    /** One sweep now. */
    PurgeReport sweep() throws SwitchException {
        return engine.callSwitch("purge loop", this::sweep);
    }

    private PurgeReport sweep(Deferred deferred) throws SwitchException {
        int before;
        synchronized (lock) {
            before = table.activeCount();
        }
        List<EntryState> expired = new ArrayList<>();
        try {
            reader.read(true, expired, deferred);
        } catch (SwitchException e) {
            engine.sweepFailed(e, e instanceof SwitchUnavailableException);
            throw e;
        }
        int examined;
        int vanished;
        synchronized (lock) {
            vanished = Math.max(0, before - table.activeCount());
            engine.readAnsweredLocked();
            examined = table.deniesRead();
        }
        if (expired.isEmpty()) {
            return new PurgeReport(examined, List.of(), vanished);
        }
        try {
            engine.eos().remove(expired.stream().map(e -> new EntryRef(e.acl, e.sequence())).toList());
        } catch (SwitchException e) {
            synchronized (lock) {
                expired.forEach(entry -> entry.removing(null));
                engine.markStaleLocked();
            }
            throw e;
        }
        return new PurgeReport(examined, removed(expired, deferred), vanished);
    }

    private List<PurgeReport.Removal> removed(List<EntryState> expired, Deferred deferred) {
        Instant now = engine.now();
        List<PurgeReport.Removal> removals = new ArrayList<>(expired.size());
        synchronized (lock) {
            for (EntryState entry : expired) {
                Duration age = Duration.between(entry.addedAt, now);
                String rule = entry.ruleText();
                if (ShuntLog.LOG.isInfoEnabled()) {
                    ShuntLog.LOG.info(ShuntLog.remove(entry.acl, entry.sequence(), rule, entry.packets(), age));
                }
                removals.add(new PurgeReport.Removal(entry.acl, entry.sequence(), rule, entry.packets(), age,
                        entry.removing()));
                if (table.remove(entry)) {
                    reader.reportRemoval(entry, entry.removing(), deferred);
                }
            }
        }
        return removals;
    }
}
