package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutProblem.Kind;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchRead;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** Every read of the lists also judges the layout, in the same call. */
class LayoutReadTest {
    private static final AclKey IP1 = new AclKey("bulk_1", Family.IP);
    private static final AclKey V6_2 = new AclKey("bulk_2", Family.IPV6);

    private final ManualClock clock = new ManualClock();
    private final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").clock(clock).build();
    private final EosSwitch eos = EosSwitch.of(sim, Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"));

    @Test
    void aSwitchSetUpReadsWholeInOneCall() throws Exception {
        eos.setup();
        long calls = sim.calls();

        SwitchRead read = eos.read();

        assertEquals(calls + 1, sim.calls());
        assertTrue(read.layout().ok(), read.layout().summary());
        assertTrue(sim.defaultResultPermit());
    }

    @Test
    void learningTheLayoutReadsTheDefaultResultSettingOnceForReadsToReport() throws Exception {
        EosSwitch fresh = sim.aclSwitch(Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"));
        long calls = sim.calls();

        fresh.learnLayout();
        fresh.learnLayout();

        assertEquals(calls + 1, sim.calls(), "a second time it is known");
        assertEquals(Kind.DEFAULT_RESULT, fresh.read().layout().problems().get(4).kind());
        eos.setup();
        assertTrue(eos.read().layout().ok());
        calls = sim.calls();
        eos.learnLayout();
        assertEquals(calls, sim.calls(), "setup found it out");
    }

    @Test
    void aLayoutNotLearnedLeavesTheDefaultResultSettingOut() throws Exception {
        LayoutReport layout = eos.read().layout();

        assertTrue(layout.problems().stream().noneMatch(p -> p.kind() == Kind.DEFAULT_RESULT), layout.summary());
    }

    @Test
    void aSwitchThatWillNotShowItsConfigurationRefusesToTell() {
        sim.failCommands(command -> command.startsWith("show running-config"), 1);

        SwitchRefusedException e = assertThrows(SwitchRefusedException.class, eos::learnLayout);

        assertEquals(List.of("Invalid input (simulated failure)"), e.reasons());
    }

    @Test
    void aFreshSwitchLacksEveryList() throws Exception {
        LayoutReport layout = eos.read().layout();

        assertEquals(4, layout.problems().size());
        assertEquals("ip access-list bulk_1 does not exist", layout.problems().get(0).text());
        assertTrue(layout.missing(IP1));
        assertFalse(layout.writable(IP1));
        assertFalse(layout.countersTrusted(IP1));
    }

    @Test
    void countersOffMakeAListNeitherWritableNorTrusted() throws Exception {
        eos.setup();
        sim.countersPerEntry(false);

        LayoutReport layout = eos.read().layout();

        assertEquals(List.of(Kind.COUNTERS_OFF), layout.problems(IP1).stream().map(LayoutProblem::kind).toList());
        assertEquals("ip access-list bulk_1 does not count per entry", layout.problems(IP1).get(0).text());
        assertFalse(layout.writable(IP1));
        assertFalse(layout.countersTrusted(IP1));
    }

    @Test
    void staleCountersAreUntrustedButTheListIsWritable() throws Exception {
        eos.setup();
        sim.staleCounters(true);

        LayoutReport layout = eos.read().layout();

        assertEquals(Kind.COUNTERS_STALE, layout.problems(V6_2).get(0).kind());
        assertTrue(layout.writable(V6_2));
        assertFalse(layout.countersTrusted(V6_2));
        assertTrue(layout.repairable().isEmpty());
    }

    @Test
    void aMissingPermitAndAMissingBindingAreNamed() throws Exception {
        eos.setup();
        sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "no 20", "exit",
                "interface Ethernet2", "no ipv6 access-group bulk_2 in"));

        LayoutReport layout = eos.read().layout();

        assertEquals("ip access-list bulk_1 lacks its permit line 20; ipv6 access-list bulk_2 is not bound in on"
                + " Ethernet2", layout.summary());
        assertFalse(layout.writable(IP1));
        assertTrue(layout.countersTrusted(IP1));
    }

    @Test
    void aReloadLosesTheListsAndTheDefaultResultSetting() throws Exception {
        eos.setup();
        sim.reload(Duration.ZERO);

        eos.readDefaultResult();
        LayoutReport layout = eos.read().layout();

        assertEquals(5, layout.problems().size());
        assertEquals(Kind.DEFAULT_RESULT, layout.problems().get(4).kind());
        assertEquals(5, layout.repairable().size());
        assertTrue(eos.setup().changed());
        assertTrue(eos.read().layout().ok());
    }

    @Test
    void aListMissingFromItsShowButListedInTheSummaryIsAPartialRead() throws Exception {
        ScriptedTransport scripted = new ScriptedTransport();
        EosSwitch one = EosSwitch.of(scripted, Map.of("Ethernet1", "bulk_1"));
        String full = """
                {"aclList": [{"name": "bulk_1", "countersEnabled": true, "sequence": [
                  {"sequenceNumber": 10, "text": "permit tcp any any fin"},
                  {"sequenceNumber": 20, "text": "permit tcp any any syn"},
                  {"sequenceNumber": 30, "text": "permit tcp any any rst"},
                  {"sequenceNumber": 100001, "text": "permit ip any any"}]}]}""";
        String summary = "{\"aclList\": [{\"name\": \"bulk_1\", \"configuredIngressIntfs\": [{\"name\": \"Ethernet1\"}]}]}";
        scripted.then("{\"aclList\": []}", full.replace("permit ip any", "permit ipv6 any"), summary,
                summary.replace("{\"name\": \"Ethernet1\"}", "\"Ethernet1\""));

        LayoutReport layout = one.read().layout();

        assertEquals(List.of(new LayoutProblem(IP1, Kind.READ_INCOMPLETE,
                "ip access-list bulk_1 was missing from a read although the switch lists it")), layout.problems());
        assertFalse(layout.missing(IP1));
        assertFalse(layout.countersTrusted(IP1));
    }

    @Test
    void aSwitchThatRefusesTheSummariesIsReadWithoutThem() throws Exception {
        eos.setup();
        sim.failCommands(command -> command.endsWith("access-lists summary"), 1);

        SwitchRead read = eos.read();
        SwitchRead again = eos.read();

        assertTrue(read.layout().ok());
        assertTrue(again.layout().ok());
        assertEquals(4, again.acls().size());
    }
}
