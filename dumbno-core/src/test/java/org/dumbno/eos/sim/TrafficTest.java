package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.TcpFlag;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Traffic through the ingress ACLs: first match counts, deny drops, permits reach the tools. */
class TrafficTest {
    private static final Flow BULK = Flow.of(Protocol.TCP, "10.0.0.1", 1234, "10.0.0.2", 443);
    private static final Flow BULK6 = Flow.of(Protocol.TCP, "2001:db8::1", 1234, "2001:db8::2", 443);

    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-4").egress("Ethernet11-12")
            .clock(new ManualClock()).build();

    @BeforeEach
    void setUp() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
    }

    private long packets(String family, long seq) throws SwitchException {
        JsonObject counters = Eos.entry(sw, family, "bulk_1", seq).getAsJsonObject("counterData");
        return counters.has("packetCount") ? counters.get("packetCount").getAsLong() : 0;
    }

    @Test
    void packetCountAppearsOnceTrafficMatches() throws SwitchException {
        assertFalse(Eos.entry(sw, "ip", "bulk_1", 100001).getAsJsonObject("counterData").has("packetCount"));
        assertTrue(sw.send("Ethernet1", BULK, 5, 7500));
        JsonObject counters = Eos.entry(sw, "ip", "bulk_1", 100001).getAsJsonObject("counterData");
        assertEquals(5, counters.get("packetCount").getAsLong());
        assertEquals(7500, counters.get("byteCount").getAsLong());
    }

    @Test
    void denyEntryCountsAndDropsBeforeTheTools() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443"));
        assertFalse(sw.send("Ethernet1", BULK, 10, 15000));
        assertEquals(10, packets("ip", 501));
        assertEquals(0, packets("ip", 100001));
        JsonObject eth11 = interfaceCounters().getAsJsonObject("Ethernet11");
        assertEquals(0, eth11.get("outOctets").getAsLong());
        assertEquals(15000, interfaceCounters().getAsJsonObject("Ethernet1").get("inOctets").getAsLong());
    }

    @Test
    void permittedTrafficLeavesThroughOneEgressChosenByTheFlow() throws SwitchException {
        assertTrue(sw.send("Ethernet1", BULK, 2, 3000));
        assertTrue(sw.send("Ethernet1", BULK, 1, 501));
        for (int port = 1; port <= 20; port++) {
            assertTrue(sw.send("Ethernet2", Flow.of(Protocol.UDP, "10.9.0.1", 1000 + port, "10.9.0.2", 53), 1, 100));
        }
        JsonObject counters = interfaceCounters();
        long eth11 = counters.getAsJsonObject("Ethernet11").get("outOctets").getAsLong();
        long eth12 = counters.getAsJsonObject("Ethernet12").get("outOctets").getAsLong();

        assertEquals(3501 + 2000, eth11 + eth12, "egress adds up to what came in and was permitted");
        assertTrue(eth11 > 0 && eth12 > 0, "flows are spread over the tools: " + eth11 + " " + eth12);
        assertTrue(eth11 % 100 == 1 ^ eth12 % 100 == 1, "every packet of a flow leaves by one port: " + eth11 + " " + eth12);
        assertEquals(23, counters.getAsJsonObject("Ethernet11").get("outUcastPkts").getAsLong()
                + counters.getAsJsonObject("Ethernet12").get("outUcastPkts").getAsLong());
        assertEquals(3, counters.getAsJsonObject("Ethernet1").get("inUcastPkts").getAsLong());
    }

    @Test
    void firstMatchWinsSoFlagsStillReachTheSensors() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny tcp host 10.0.0.1 host 10.0.0.2"));
        Flow fin = Flow.of(Protocol.TCP, "10.0.0.1", 1234, "10.0.0.2", 443, TcpFlag.FIN, TcpFlag.ACK);
        assertTrue(sw.send("Ethernet1", fin, 1, 60));
        assertEquals(1, packets("ip", 10));
        assertEquals(0, packets("ip", 501));
    }

    @Test
    void ipv6TrafficOnlyMeetsIpv6Acls() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip any any"));
        assertTrue(sw.send("Ethernet1", BULK6, 3, 4500));
        assertEquals(3, packets("ipv6", 100001));
        assertEquals(0, packets("ip", 501));
        assertEquals(3, sw.entries("bulk_1", Family.IPV6).get(3).packets());
    }

    @Test
    void ipv6DenyDrops() throws SwitchException {
        sw.runCmds(Eos.inAcl("ipv6", "bulk_1", "501 deny tcp host 2001:db8::1 any eq https"));
        assertFalse(sw.send("Ethernet1", BULK6, 3, 4500));
        assertEquals(3, packets("ipv6", 501));
    }

    @Test
    void unboundInterfacePassesEverything() throws SwitchException {
        assertTrue(sw.send("Ethernet2", BULK, 1, 100));
        assertEquals(0, packets("ip", 100001));
    }

    @Test
    void trafficNoEntryMatchesMeetsTheImplicitDeny() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "ip access-list strict", "10 permit udp any any",
                "interface Ethernet3", "ip access-group strict in"));
        assertFalse(sw.send("Ethernet3", BULK, 1, 100));
        assertTrue(sw.send("Ethernet3", Flow.of(Protocol.UDP, "10.0.0.1", 53, "10.0.0.2", 53), 1, 100));
    }

    @Test
    void withoutCountersPerEntryNothingIsCounted() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "ip access-list quiet", "10 deny ip any any",
                "interface Ethernet3", "ip access-group quiet in"));
        assertFalse(sw.send("Ethernet3", BULK, 4, 400));
        assertEquals(0, sw.entries("quiet", Family.IP).get(0).packets());
    }

    @Test
    void clearingCountersSetsThemToZero() throws SwitchException {
        sw.send("Ethernet1", BULK, 4, 400);
        sw.runCmds(List.of("enable", "clear ip access-lists counters bulk_1"));
        assertEquals(0, packets("ip", 100001));
        assertNull(Eos.entry(sw, "ip", "bulk_1", 100001).getAsJsonObject("counterData").get("lastChangedTime"));
    }

    @Test
    void advanceCountersAddsOctets() throws SwitchException {
        sw.advanceCounters("Ethernet2", 1000, 200);
        sw.advanceCounters("Ethernet2", 1000, 0);
        JsonObject eth2 = interfaceCounters().getAsJsonObject("Ethernet2");
        assertEquals(2000, eth2.get("inOctets").getAsLong());
        assertEquals(200, eth2.get("outOctets").getAsLong());
    }

    @Test
    void unknownInterfaceIsABugInTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> sw.send("Ethernet99", BULK, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> sw.advanceCounters("Ethernet99", 1, 1));
    }

    private JsonObject interfaceCounters() throws SwitchException {
        return sw.runCmds(List.of("show interfaces counters")).get(0).getAsJsonObject("interfaces");
    }
}
