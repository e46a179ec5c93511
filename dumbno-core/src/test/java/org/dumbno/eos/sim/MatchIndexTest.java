package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Rule;
import org.dumbno.rule.TcpFlag;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first match found through the index of one-flow entries is the one a scan of every entry in
 * sequence order finds: general entries of lower number still come first, unprogrammed entries
 * match nothing, removed and replaced entries are forgotten.
 */
class MatchIndexTest {
    private static final Flow BULK = Flow.of(Protocol.TCP, "10.0.0.1", 1234, "10.0.0.2", 443);
    private static final String BULK_DENY = "deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https";

    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-4").clock(new ManualClock())
            .build();

    @BeforeEach
    void setUp() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
    }

    private long packets(long sequence) {
        return sw.entries("bulk_1", Family.IP).stream().filter(e -> e.sequence() == sequence).findFirst()
                .orElseThrow().packets();
    }

    @Test
    void aGeneralPermitOfLowerNumberComesBeforeAnExactDeny() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "40 permit tcp host 10.0.0.1 any", "50 " + BULK_DENY));
        assertTrue(sw.send("Ethernet1", BULK, 2, 200));
        assertEquals(2, packets(40));
        assertEquals(0, packets(50));
    }

    @Test
    void anExactDenyOfLowerNumberComesBeforeAGeneralPermit() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "40 " + BULK_DENY, "50 permit tcp host 10.0.0.1 any"));
        assertFalse(sw.send("Ethernet1", BULK, 2, 200));
        assertEquals(2, packets(40));
        assertEquals(0, packets(50));
    }

    @Test
    void aFlagPermitOfLowerNumberStillTakesTheFlowsFin() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "50 " + BULK_DENY));
        assertTrue(sw.send("Ethernet1", Flow.of(Protocol.TCP, "10.0.0.1", 1234, "10.0.0.2", 443, TcpFlag.FIN), 1, 60));
        assertEquals(1, packets(10));
        assertFalse(sw.send("Ethernet1", BULK, 1, 60));
        assertEquals(1, packets(50));
    }

    @Test
    void aRemovedEntryMatchesNothingAndAReplacedOneMatchesAsItIsNow() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "50 " + BULK_DENY));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "no 50"));
        assertTrue(sw.send("Ethernet1", BULK, 1, 100));
        assertEquals(1, packets(100001));

        sw.runCmds(Eos.inAcl("ip", "bulk_1", "50 " + BULK_DENY, "no 50",
                "50 permit tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"));
        assertTrue(sw.send("Ethernet1", BULK, 3, 300));
        assertEquals(3, packets(50));

        sw.runCmds(Eos.inAcl("ip", "bulk_1", "no 50", "50 " + BULK_DENY));
        assertFalse(sw.send("Ethernet1", BULK, 1, 100));
        assertEquals(1, packets(50));
    }

    @Test
    void ofTwoEntriesForOneFlowTheLowerNumberDecidesUntilItGoes() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "60 permit tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https",
                "50 " + BULK_DENY));
        assertFalse(sw.send("Ethernet1", BULK, 1, 100));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "no " + BULK_DENY));
        assertTrue(sw.send("Ethernet1", BULK, 1, 100));
        assertEquals(1, packets(60));
    }

    @Test
    void anUnprogrammedExactEntryLetsTheNextMatchDecide() throws SwitchException {
        sw.tcamCapacity(sw.tcamUsed());
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "50 " + BULK_DENY));
        assertTrue(sw.send("Ethernet1", BULK, 1, 100), "the deny did not fit the TCAM");
        assertEquals(1, packets(100001));
        sw.tcamCapacity(sw.tcamUsed() + 1);
        assertFalse(sw.send("Ethernet1", BULK, 1, 100), "programmed once room was made");
    }

    @Test
    void aProtocolWithoutPortsMatchesItsHostsWhateverThePorts() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "50 deny icmp host 10.0.0.1 host 10.0.0.2"));
        assertFalse(sw.send("Ethernet1", Flow.of(Protocol.ICMP, "10.0.0.1", 0, "10.0.0.2", 0), 1, 100));
        assertFalse(sw.send("Ethernet1", Flow.of(Protocol.ICMP, "10.0.0.1", 8, "10.0.0.2", 3), 1, 100));
        assertEquals(2, packets(50));
    }

    /** Random lists and changes: the index always answers as a scan of every entry does. */
    @Test
    void answersAsAScanOfEveryEntryDoes() {
        changeAndCompare(0);
    }

    /** The same once the first packet meets a list of many entries, built without the index. */
    @Test
    void answersAsAScanOfEveryEntryDoesWhenTheFirstPacketComesLate() {
        changeAndCompare(2_500);
    }

    private static void changeAndCompare(int firstPacketAt) {
        Random random = new Random(20261127);
        List<String> hosts = List.of("10.0.0.1", "10.0.0.2", "10.0.0.3");
        List<String> rules = new ArrayList<>();
        for (String src : hosts) {
            for (String dst : hosts) {
                rules.add("tcp host " + src + " eq 1000 host " + dst + " eq 2000");
                rules.add("udp host " + src + " eq 1000 host " + dst + " eq 2000");
                rules.add("tcp host " + src + " host " + dst + " eq 2000");
                rules.add("icmp host " + src + " host " + dst);
                rules.add("ip host " + src + " host " + dst);
            }
        }
        rules.addAll(List.of("tcp any any fin", "tcp 10.0.0.0/30 eq 1000 any", "udp any any", "ip any any"));
        List<Flow> flows = new ArrayList<>();
        for (String src : hosts) {
            for (String dst : hosts) {
                flows.add(Flow.of(Protocol.TCP, src, 1000, dst, 2000));
                flows.add(Flow.of(Protocol.TCP, src, 1000, dst, 2000, TcpFlag.FIN));
                flows.add(Flow.of(Protocol.TCP, src, 1001, dst, 2000));
                flows.add(Flow.of(Protocol.UDP, src, 1000, dst, 2000));
                flows.add(Flow.of(Protocol.ICMP, src, 0, dst, 0));
            }
        }
        NavigableMap<Long, LiveEntry> all = new TreeMap<>();
        MatchIndex index = new MatchIndex(all.values());
        for (int step = 0; step < 5_000; step++) {
            long sequence = 1 + random.nextInt(60);
            LiveEntry old = all.get(sequence);
            if (old != null && random.nextBoolean()) {
                all.remove(sequence);
                index.remove(old);
            } else if (old != null) {
                old.programmed = !old.programmed;
            } else {
                SimulatedEntry.Action action = random.nextBoolean() ? SimulatedEntry.Action.PERMIT
                        : SimulatedEntry.Action.DENY;
                Rule rule = Rule.parse(Family.IP, rules.get(random.nextInt(rules.size())));
                LiveEntry entry = new LiveEntry(sequence, action, rule);
                entry.programmed = random.nextInt(5) > 0;
                all.put(sequence, entry);
                index.add(entry);
            }
            for (Flow flow : step < firstPacketAt ? List.<Flow>of() : flows) {
                assertSame(scan(all, flow), index.firstMatch(flow), () -> flow + " in " + all.values().stream()
                        .map(e -> e.sequence() + (e.programmed ? " " : " (unprogrammed) ") + e.text()).toList());
            }
        }
    }

    private static LiveEntry scan(NavigableMap<Long, LiveEntry> all, Flow flow) {
        for (LiveEntry entry : all.values()) {
            if (entry.programmed && entry.rule.matches(flow)) {
                return entry;
            }
        }
        return null;
    }
}
