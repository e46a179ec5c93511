package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
import static org.dumbno.faults.SwitchAssertions.denies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TCAM limits. dumbno counts its shunts and refuses beyond {@code max_rules}; what it cannot see is
 * a switch whose TCAM is smaller than that: EOS accepts the lines and leaves those that do not fit
 * unprogrammed, answering the eAPI call as if all were well.
 */
@Timeout(10)
class CapacityTest {
    private static final String TCAM = "org.dumbno.eos.sim.Tcam";

    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno", TCAM);

    @Test
    void beyondMaxRulesRequestsAreRefusedAndNothingIsWritten() throws Exception {
        ACLManager manager = rig.start(b -> b.maxRules(5));
        List<Request> requests = Asked.ipv4(0, 8);
        List<Asked> first = Asked.ask(manager, requests.subList(0, 5));
        rig.scheduler.runDue();
        int sent = rig.recorder.received().size();
        long calls = rig.sim.calls();

        List<Asked> beyond = Asked.ask(manager, requests.subList(5, 8));
        Asked known = Asked.ask(manager, requests.subList(0, 1)).get(0);
        rig.scheduler.runDue();

        assertEquals(Collections.nCopies(5, "ok"), Asked.replies(first));
        assertEquals(Collections.nCopies(3, "error: at capacity (5 active shunts)"), Asked.replies(beyond));
        assertEquals("ok", known.reply(), "a shunt already there is no new one");
        assertEquals(sent, rig.recorder.received().size(), "nothing written");
        assertEquals(calls + 1, rig.sim.calls(), "one read confirming the known shunt, no write");
        assertHoldsExactly(rig.sim, rig.recorder, Asked.acknowledged(first));
        log.line(Level.WARN, "refused " + requests.get(5), "at capacity (5 active shunts)");

        manager.purge();
        for (int i = 1; i < 5; i++) {
            rig.traffic("Ethernet1", Asked.ipv4Flow(i), 1);
            rig.traffic("Ethernet2", Asked.ipv4Flow(i), 1);
        }
        manager.purge();
        List<Asked> later = Asked.ask(manager, requests.subList(5, 7));
        rig.scheduler.runDue();

        assertEquals(List.of("ok", "error: at capacity (5 active shunts)"), Asked.replies(later),
                "the idle shunt's expiry made room for one; the one waiting to be written counts");
        Set<Rule> expected = new HashSet<>(Asked.acknowledged(first));
        expected.remove(requests.get(0).toRule());
        expected.add(requests.get(5).toRule());
        assertHoldsExactly(rig.sim, rig.recorder, expected);
        manager.close();
    }

    @Test
    void aTcamSmallerThanMaxRulesLeavesLinesUnprogrammedUnnoticed() throws Exception {
        int setup = rig.sim.tcamUsed();
        rig.sim.tcamCapacity(setup + 2 * 2);
        ACLManager manager = rig.start(b -> b.maxRules(5));

        List<Asked> asked = Asked.ask(manager, Asked.ipv4(0, 5));
        rig.scheduler.runDue();

        assertEquals(Collections.nCopies(5, "ok"), Asked.replies(asked), "the switch gave no sign");
        assertHoldsExactly(rig.sim, rig.recorder, Asked.acknowledged(asked));
        assertEquals(List.of(true, true, true, true, false), programmed("bulk_1"),
                "room for four lines, filled in the order they were configured: bulk_1 first");
        assertEquals(List.of(false, false, false, false, false), programmed("bulk_2"));
        assertFalse(rig.sim.send("Ethernet1", Asked.ipv4Flow(0), 1, 100), "a programmed line drops the flow");
        assertTrue(rig.sim.send("Ethernet1", Asked.ipv4Flow(4), 1, 100), "an unprogrammed one lets it through");
        assertTrue(rig.sim.send("Ethernet2", Asked.ipv4Flow(0), 1, 100), "so does the same shunt's bulk_2 line");
        log.line(Level.WARN, "%CAPACITY-1-UTILIZATION_HIGH: ACL TCAM table is full");
        assertEquals(0, log.count(Level.WARN, "refused"), "dumbno cannot know");

        manager.purge();
        rig.traffic("Ethernet1", Asked.ipv4Flow(1), 1);
        manager.purge();

        assertEquals(List.of(true), programmed("bulk_1"), "lines that count nothing expire, unprogrammed too");
        assertEquals(List.of(), programmed("bulk_2"));
        log.line(Level.INFO, "op=REMOVE acl=bulk_2 family=ip seq=503");
        Asked after = Asked.ask(manager, Asked.ipv4(10, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", after.reply());
        assertEquals(List.of(true, true), programmed("bulk_1"));
        assertEquals(List.of(true), programmed("bulk_2"), "room again for the new shunt");
        manager.close();
    }

    private List<Boolean> programmed(String acl) {
        return denies(rig.sim, acl, Family.IP).stream().map(SimulatedEntry::programmed).toList();
    }
}
