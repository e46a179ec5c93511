package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A full TCAM: entries are accepted and shown, but do not match traffic. */
class TcamTest {
    private static final Flow FLOW = Flow.of(Protocol.UDP, "10.0.0.1", 1000, "10.0.0.2", 2000);

    /** The setup's 8 entries (4 per family) plus 2 more fit. */
    private final SimulatedSwitch sw = SimulatedSwitch.builder().tcamCapacity(10).clock(new ManualClock()).build();

    @BeforeEach
    void setUp() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
    }

    @Test
    void entriesBeyondCapacityAreConfiguredButNotProgrammed() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.3 any",
                "505 deny ip host 10.0.0.5 any"));
        assertEquals(7, Eos.lines(sw, "ip", "bulk_1").size());
        List<SimulatedEntry> entries = sw.entries("bulk_1", Family.IP);
        assertTrue(entries.get(4).programmed());
        assertFalse(entries.get(5).programmed());
        assertTrue(entries.get(6).programmed(), "programmed at setup");
        assertEquals(10, sw.tcamUsed());
    }

    @Test
    void unprogrammedEntriesNeverMatch() throws SwitchException {
        sw.runCmds(Eos.inAcl("ipv6", "bulk_1", "501 permit ipv6 any any", "503 permit ipv6 any any"));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip host 10.0.0.1 any"));
        assertTrue(sw.send("Ethernet1", FLOW, 1, 100));
        assertEquals(0, sw.entries("bulk_1", Family.IP).get(3).packets());
        assertEquals(1, sw.entries("bulk_1", Family.IP).get(4).packets());
    }

    @Test
    void freedSpaceProgramsWaitingEntriesInOrder() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip host 10.0.0.9 any", "503 deny ip host 10.0.0.3 any",
                "505 deny ip host 10.0.0.1 any"));
        assertTrue(sw.send("Ethernet1", FLOW, 1, 100));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "no 501"));
        assertFalse(sw.send("Ethernet1", FLOW, 1, 100));
        assertEquals(1, sw.entries("bulk_1", Family.IP).get(4).packets());
    }

    @Test
    void aLineTakenOutAndWrittenBackInOneGroupChangeKeepsItsPlaceAndCounters() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip host 10.0.0.9 any", "503 deny ip host 10.0.0.3 any",
                "505 deny ip host 10.0.0.1 any"));
        assertTrue(sw.send("Ethernet1", FLOW, 1, 100), "505 waits for room");
        long passed = sw.entries("bulk_1", Family.IP).get(6).packets();
        assertEquals(1, passed, "counted by 100001");

        sw.runCmds(Eos.inAcl("ip", "bulk_1", "no 100001", "100001 permit ip any any"));

        List<SimulatedEntry> entries = sw.entries("bulk_1", Family.IP);
        assertFalse(entries.get(5).programmed(), "no room freed: the group change nets to no change");
        assertTrue(entries.get(6).programmed());
        assertEquals(passed, entries.get(6).packets());
        assertEquals(10, sw.tcamUsed());
    }

    @Test
    void raisingTheCapacityProgramsWaitingEntries() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip any any", "503 deny ip any any", "505 deny ip any any"));
        sw.tcamCapacity(100);
        assertEquals(11, sw.tcamUsed());
        assertTrue(sw.entries("bulk_1", Family.IP).stream().allMatch(SimulatedEntry::programmed));
    }

    @Test
    void removingAnAclFreesItsEntries() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "no ipv6 access-list bulk_1"));
        assertEquals(4, sw.tcamUsed());
    }
}
