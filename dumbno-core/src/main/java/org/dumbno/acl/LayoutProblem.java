package org.dumbno.acl;

import java.util.Objects;

/**
 * One way the switch differs from the layout dumbno keeps on it (SPEC "Rules on the switch").
 *
 * @param acl the list it concerns; null for a switch-wide setting
 * @param kind what is wrong
 * @param text the problem in plain words, e.g. {@code ip access-list bulk_1 does not count per entry}
 */
public record LayoutProblem(AclKey acl, Kind kind, String text) {

    /** What can be wrong. */
    public enum Kind {
        /** The list does not exist. */
        MISSING(true),
        /** The list has no {@code counters per-entry}: every entry reads as idle. */
        COUNTERS_OFF(true),
        /** A permit line of the setup (10, 20, 30, 100001) is missing or different. */
        PERMIT_MISSING(true),
        /** The list is not bound inbound on an interface {@code [ports]} names for it. */
        UNBOUND(true),
        /** {@code hardware access-list update default-result permit} is not configured. */
        DEFAULT_RESULT(true),
        /** The switch says the list's counts are not current ({@code staleCounters}). */
        COUNTERS_STALE(false),
        /** The switch says some of the list's counts are missing ({@code countersIncomplete}). */
        COUNTERS_INCOMPLETE(false),
        /** The read came back without the list although the switch lists it: a partial read. */
        READ_INCOMPLETE(false);

        private final boolean repairable;

        Kind(boolean repairable) {
            this.repairable = repairable;
        }

        /** Whether the setup plan puts it right; the others pass by themselves or need an operator. */
        public boolean repairable() {
            return repairable;
        }
    }

    public LayoutProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (acl == null && kind != Kind.DEFAULT_RESULT) {
            throw new IllegalArgumentException(kind + " concerns one list");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
