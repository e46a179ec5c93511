package org.dumbno.eos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutProblem.Kind;
import org.dumbno.acl.LayoutReport;

/** Judges one read of the managed lists against the layout setup makes. */
final class LayoutCheck {
    private final List<LayoutProblem> problems = new ArrayList<>();

    /**
     * Checks one list. Whether it counts per entry is taken from its own show, or from the summary
     * where the show does not say (the key varies by release): with counters off every entry
     * reads as idle.
     *
     * @param state the list as its own show read it; null when that show did not have it
     * @param summary the summaries of its family; null when the switch gave none
     * @param ports the interfaces {@code [ports]} binds it to
     */
    void acl(AclKey acl, AclReader.AclState state, AclSummary summary, List<String> ports) {
        String list = acl.describe();
        if (state == null) {
            if (summary != null && summary.has(acl.name())) {
                add(acl, Kind.READ_INCOMPLETE, list + " was missing from a read although the switch lists it");
            } else {
                add(acl, Kind.MISSING, list + " does not exist");
            }
            return;
        }
        boolean countersOff = state.countersEnabled() == null
                ? summary != null && summary.countersOff().contains(acl.name())
                : !state.countersEnabled();
        if (countersOff) {
            add(acl, Kind.COUNTERS_OFF, list + " does not count per entry");
        } else if (state.staleCounters()) {
            add(acl, Kind.COUNTERS_STALE, list + " has stale counters");
        } else if (state.countersIncomplete()) {
            add(acl, Kind.COUNTERS_INCOMPLETE, list + " has incomplete counters");
        }
        List<Long> missing = new ArrayList<>();
        for (long sequence : SetupPlan.PERMIT_SEQUENCES) {
            if (!SetupPlan.hasPermit(acl, state, sequence)) {
                missing.add(sequence);
            }
        }
        if (!missing.isEmpty()) {
            add(acl, Kind.PERMIT_MISSING, list + " lacks its permit line" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        if (summary != null) {
            List<String> unbound = ports.stream().filter(port -> !summary.boundOn(acl.name(), port)).toList();
            if (!unbound.isEmpty()) {
                add(acl, Kind.UNBOUND, list + " is not bound in on " + String.join(", ", unbound));
            }
        }
    }

    /**
     * Checks a list just written to, from the summary read at the end of the write: a list the
     * write created shows no counters and, after a reload, no bindings.
     */
    void written(AclKey acl, AclSummary summary, List<String> ports) {
        String list = acl.describe();
        if (!summary.has(acl.name())) {
            add(acl, Kind.MISSING, list + " does not exist");
            return;
        }
        if (summary.countersOff().contains(acl.name())) {
            add(acl, Kind.COUNTERS_OFF, list + " does not count per entry");
        }
        List<String> unbound = ports.stream().filter(port -> !summary.boundOn(acl.name(), port)).toList();
        if (!unbound.isEmpty()) {
            add(acl, Kind.UNBOUND, list + " is not bound in on " + String.join(", ", unbound));
        }
    }

    /** Checks the switch-wide knob, as last read. */
    void defaultResult(DefaultResult state) {
        if (state == DefaultResult.ABSENT) {
            problems.add(new LayoutProblem(null, Kind.DEFAULT_RESULT,
                    "hardware access-list update default-result permit is not configured"));
        }
    }

    private void add(AclKey acl, Kind kind, String text) {
        problems.add(new LayoutProblem(acl, kind, text));
    }

    LayoutReport report() {
        return new LayoutReport(problems);
    }

    /** The interfaces bound to each list name, from {@code [ports]}. */
    static Map<String, List<String>> portsByAcl(Map<String, String> ports) {
        Map<String, List<String>> byAcl = new LinkedHashMap<>();
        ports.forEach((iface, name) -> byAcl.computeIfAbsent(name, n -> new ArrayList<>()).add(iface));
        return byAcl;
    }

    /** What dumbno knows of {@code hardware access-list update default-result permit}. */
    enum DefaultResult {
        /** Not read yet. */
        UNKNOWN,
        /** Configured. */
        PRESENT,
        /** Not configured. */
        ABSENT,
        /** The platform refused the command: it has no such setting. */
        UNSUPPORTED
    }
}
