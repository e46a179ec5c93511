package org.dumbno.manager;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SetupReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.rule.Family;

/**
 * Keeps the layout on the switch: takes what each read showed of it, says what drifted (once per
 * change, not every read), puts it back with the setup plan where allowed, and tells the engine
 * when requests must be refused because a list of their family is not whole. Its state is
 * guarded by the engine's lock; {@link #repair} runs with the engine's call lock held.
 */
final class LayoutKeeper {
    private final Settings settings;
    private final AclSwitch eos;
    private final Listeners listeners;

    // guarded by the engine's lock
    private LayoutReport layout;
    private String logged = "";
    /** The problems a repair did not put right: not tried again until they change. */
    private String futile;
    /** Lists whose expiry is paused because their counts are untrusted. */
    private final Set<AclKey> paused = new HashSet<>();

    LayoutKeeper(Settings settings, Listeners listeners) {
        this.settings = settings;
        this.eos = settings.eos();
        this.listeners = listeners;
    }

    /** The layout as last read; null before the first read. */
    LayoutReport currentLocked() {
        return layout;
    }

    /** Takes the layout a read showed and says what changed; the layout to apply the read with. */
    LayoutReport acceptLocked(LayoutReport read) {
        layout = settings.checkLayout() ? read : LayoutReport.OK;
        String summary = layout.summary();
        if (!summary.equals(logged)) {
            if (layout.ok()) {
                ShuntLog.LOG.info("switch {}: layout whole again", eos.describe());
            } else if (settings.repairLayout() || layout.repairable().isEmpty()) {
                ShuntLog.LOG.warn("switch {}: {}", eos.describe(), summary);
            } else {
                ShuntLog.LOG.warn("switch {}: {} (repair_layout = false: requests are refused until it is put"
                        + " back, e.g. with dumbno setup)", eos.describe(), summary);
            }
            logged = summary;
        }
        for (AclKey acl : List.copyOf(paused)) {
            if (layout.countersTrusted(acl)) {
                paused.remove(acl);
                ShuntLog.LOG.info("expiry resumed in {}: its counts can be trusted again", acl.describe());
            }
        }
        return layout;
    }

    /** Whether the setup plan is to put {@code read} right now. */
    boolean needsRepairLocked(LayoutReport read) {
        return settings.checkLayout() && settings.repairLayout() && !read.repairable().isEmpty()
                && !read.summary().equals(futile);
    }

    /**
     * Puts the layout back with the setup plan, logging each change {@code op=REPAIR ...}. A switch
     * that refuses the repair leaves the layout as it is (requests of the family are then
     * refused); one that cannot be reached throws.
     */
    void repair(LayoutReport drifted, Deferred deferred) throws SwitchException {
        ShuntLog.LOG.warn("switch {}: repairing the layout ({})", eos.describe(), drifted.summary());
        SetupReport report;
        try {
            report = eos.setup();
        } catch (SwitchRefusedException e) {
            ShuntLog.LOG.error("switch {}: repairing the layout failed: {}", eos.describe(), e.getMessage());
            return;
        }
        for (String change : report.changes()) {
            ShuntLog.LOG.info("op=REPAIR {} change=\"{}\"", ShuntLog.where(eos.describe()), change);
            deferred.add(() -> listeners.fire(l -> l.layoutRepaired(change)));
        }
        report.warnings().forEach(warning -> ShuntLog.LOG.warn("switch {}: {}", eos.describe(), warning));
    }

    /** Notes the layout read after a repair: problems it left are not repaired again until they change. */
    void repairedLocked(LayoutReport now) {
        if (now.repairable().isEmpty()) {
            futile = null;
        } else {
            futile = now.summary();
            ShuntLog.LOG.error("switch {}: the layout is still incomplete after repair: {}", eos.describe(),
                    now.summary());
        }
    }

    /**
     * Why a request for a rule of {@code family} must be refused: a list of that family is not
     * whole (missing, not counting, without its permits or bindings); null when it may go on.
     */
    String refusalLocked(Family family) {
        if (layout == null || !settings.checkLayout() || layout.ok()) {
            return null;
        }
        List<String> problems = notWhole(layout, family).stream().map(LayoutProblem::text).toList();
        return problems.isEmpty() ? null : "switch layout incomplete: " + String.join("; ", problems);
    }

    /**
     * Why the last read cannot say whether the lists of {@code family} hold a rule: it came back
     * without one of them although the switch lists it; null when it read them all.
     */
    String unreadLocked(Family family) {
        if (layout == null) {
            return null;
        }
        List<String> problems = unread(layout, family).stream().map(LayoutProblem::text).toList();
        return problems.isEmpty() ? null : "switch read incomplete: " + String.join("; ", problems);
    }

    /**
     * Whether {@code read}, a read not taken in (the confirming reads beside the writes), shows
     * every list of {@code family} whole and read: only then can it prove a line is there.
     */
    boolean wholeAndRead(LayoutReport read, Family family) {
        return unread(read, family).isEmpty() && (!settings.checkLayout() || notWhole(read, family).isEmpty());
    }

    /** Whether {@code read} came back without a list of {@code family} although the switch lists it. */
    static boolean missedAList(LayoutReport read, Family family) {
        return !unread(read, family).isEmpty();
    }

    /** The problems of {@code report} that keep deny lines out of a list of {@code family}. */
    private static List<LayoutProblem> notWhole(LayoutReport report, Family family) {
        return report.repairable().stream().filter(p -> p.acl() != null && p.acl().family() == family).toList();
    }

    /** The lists of {@code family} a read of {@code report} came back without. */
    private static List<LayoutProblem> unread(LayoutReport report, Family family) {
        return report.problems().stream().filter(p -> p.kind() == LayoutProblem.Kind.READ_INCOMPLETE
                && p.acl() != null && p.acl().family() == family).toList();
    }

    /** Says, once per line, which lines a sweep could not judge and why. */
    void skippedLocked(Map<AclKey, Integer> skipped, Deferred deferred) {
        skipped.forEach((acl, count) -> {
            String reason = layout.problems(acl).stream()
                    .filter(p -> p.kind() != LayoutProblem.Kind.PERMIT_MISSING && p.kind() != LayoutProblem.Kind.UNBOUND)
                    .map(LayoutProblem::text).findFirst().orElse("its counts cannot be trusted");
            paused.add(acl);
            ShuntLog.LOG.warn("expiry paused for {} shunts in {}: {}; they stay until its counts can be trusted",
                    count, acl.describe(), reason);
            deferred.add(() -> listeners.fire(l -> l.expirySkipped(acl, count, reason)));
        });
    }
}
