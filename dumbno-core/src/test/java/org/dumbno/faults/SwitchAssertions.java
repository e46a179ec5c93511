package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.dumbno.testing.Await;

/** What must hold on the switch after any fault: read from the simulator, never from the engine. */
final class SwitchAssertions {
    private SwitchAssertions() {
    }

    /** The deny lines of one list, in sequence order. */
    static List<SimulatedEntry> denies(SimulatedSwitch sim, String acl, Family family) {
        return sim.entries(acl, family).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY).toList();
    }

    /**
     * The switch holds exactly {@code expected}: each rule once in every list of its family, under
     * one number in all of them; and the recorder saw no number written twice.
     */
    static void assertHoldsExactly(SimulatedSwitch sim, SwitchRecorder recorder, Collection<Rule> expected) {
        for (Family family : Family.values()) {
            Set<Rule> wanted = expected.stream().filter(r -> r.family() == family).collect(Collectors.toSet());
            for (String acl : Rig.ACLS) {
                List<Rule> rules = denies(sim, acl, family).stream().map(SimulatedEntry::rule).toList();
                assertEquals(rules.size(), new HashSet<>(rules).size(), "duplicate entries in " + family + " " + acl);
                assertEquals(wanted, new HashSet<>(rules), "deny lines of " + family + " " + acl);
            }
        }
        assertOneNumberPerRule(sim);
        assertEquals(List.of(), recorder.violations(), "numbers written twice");
    }

    /** Every acknowledged rule is on the switch, in every list of its family. */
    static void assertAllPresent(SimulatedSwitch sim, Collection<Rule> acknowledged) {
        for (Rule rule : acknowledged) {
            for (String acl : Rig.ACLS) {
                assertTrue(denies(sim, acl, rule.family()).stream().anyMatch(e -> e.rule().equals(rule)),
                        "acknowledged " + rule + " missing from " + rule.family() + " " + acl);
            }
        }
    }

    /** A rule sits under the same number in every list of its family, and a number holds one rule. */
    static void assertOneNumberPerRule(SimulatedSwitch sim) {
        Map<Long, Rule> rules = new HashMap<>();
        for (Family family : Family.values()) {
            Map<Rule, Long> numbers = new HashMap<>();
            for (String acl : Rig.ACLS) {
                for (SimulatedEntry entry : denies(sim, acl, family)) {
                    Long before = numbers.putIfAbsent(entry.rule(), entry.sequence());
                    assertTrue(before == null || before == entry.sequence(), entry.rule() + " under "
                            + before + " and " + entry.sequence());
                    Rule other = rules.putIfAbsent(entry.sequence(), entry.rule());
                    assertTrue(other == null || other.equals(entry.rule()), entry.sequence() + " holds "
                            + other + " and " + entry.rule());
                }
            }
        }
    }

    /** Waits, checking every millisecond, until {@code condition} holds; fails after {@code timeout}. */
    static void await(String what, BooleanSupplier condition, Duration timeout) {
        if (!Await.until(condition, timeout)) {
            throw new AssertionError("timed out after " + timeout + " waiting until " + what);
        }
    }
}
