package org.dumbno.acl;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a read of the switch showed of dumbno's layout: for each managed list, whether it exists,
 * counts per entry (and its counts are current), holds the four permits and is bound inbound where
 * {@code [ports]} says; and whether {@code hardware access-list update default-result permit} is
 * configured. Empty {@link #problems()} means the layout is whole.
 *
 * <p>This is the type {@code dumbno status}, the readiness check and the layout metric read; it
 * is stable: problems keep their kinds and plain-words texts.
 *
 * @param problems what is wrong, in the order found (lists IPv4 first, then the switch-wide knob)
 */
public record LayoutReport(List<LayoutProblem> problems) {
    /** The report of a switch whose layout is whole. */
    public static final LayoutReport OK = new LayoutReport(List.of());

    public LayoutReport {
        problems = List.copyOf(problems);
    }

    /** Whether the layout is whole: nothing to repair and every count trusted. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The problems in plain words, separated by {@code ; }; empty when there are none. */
    public String summary() {
        return problems.stream().map(LayoutProblem::text).collect(Collectors.joining("; "));
    }

    /** The problems the setup plan puts right. */
    public List<LayoutProblem> repairable() {
        return problems.stream().filter(p -> p.kind().repairable()).toList();
    }

    /**
     * Whether deny lines may be written into {@code acl}: it exists, counts per entry, holds its
     * permits and is bound where {@code [ports]} says.
     */
    public boolean writable(AclKey acl) {
        return problems.stream().noneMatch(p -> acl.equals(p.acl()) && p.kind().repairable());
    }

    /**
     * Whether the counts read from {@code acl} may decide expiry: the list was read, exists, counts
     * per entry, and the switch calls its counts current and complete.
     */
    public boolean countersTrusted(AclKey acl) {
        return problems.stream().noneMatch(p -> acl.equals(p.acl()) && p.kind() != LayoutProblem.Kind.PERMIT_MISSING
                && p.kind() != LayoutProblem.Kind.UNBOUND);
    }

    /** Whether the switch does not have {@code acl} (a read that merely missed it does not say so). */
    public boolean missing(AclKey acl) {
        return problems.stream().anyMatch(p -> acl.equals(p.acl()) && p.kind() == LayoutProblem.Kind.MISSING);
    }

    /** The problems of one list. */
    public List<LayoutProblem> problems(AclKey acl) {
        return problems.stream().filter(p -> Objects.equals(acl, p.acl())).toList();
    }

    @Override
    public String toString() {
        return ok() ? "layout ok" : summary();
    }
}
