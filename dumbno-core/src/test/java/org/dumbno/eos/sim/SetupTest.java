package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.rule.Family;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** The setup dumbno runs on a switch, and reading it back, as an eAPI client would. */
class SetupTest {
    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-4")
            .clock(new ManualClock()).build();

    @Test
    void setupGivesOneEmptyResultPerCommand() throws SwitchException {
        List<String> cmds = Eos.setup("bulk_1", "Ethernet1", "Ethernet2");
        List<JsonObject> results = sw.runCmds(cmds);
        assertEquals(cmds.size(), results.size());
        results.forEach(result -> assertEquals(new JsonObject(), result));
    }

    @Test
    void setupReadsBackInBothFamilies() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        assertEquals(List.of("10 permit tcp any any fin", "20 permit tcp any any syn",
                "30 permit tcp any any rst", "100001 permit ip any any"), Eos.lines(sw, "ip", "bulk_1"));
        assertEquals(List.of("10 permit tcp any any fin", "20 permit tcp any any syn",
                "30 permit tcp any any rst", "100001 permit ipv6 any any"), Eos.lines(sw, "ipv6", "bulk_1"));
    }

    @Test
    void showJsonHasTheEapiShape() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        JsonObject shown = sw.runCmds(List.of("show ip access-lists bulk_1")).get(0);
        JsonObject acl = shown.getAsJsonArray("aclList").get(0).getAsJsonObject();
        assertEquals("bulk_1", acl.get("name").getAsString());
        assertTrue(acl.get("countersEnabled").getAsBoolean());
        JsonObject first = acl.getAsJsonArray("sequence").get(0).getAsJsonObject();
        assertEquals(10, first.get("sequenceNumber").getAsLong());
        assertEquals("permit tcp any any fin", first.get("text").getAsString());
        JsonObject counters = first.getAsJsonObject("counterData");
        assertFalse(counters.has("packetCount"), "packetCount is absent at zero");
        assertEquals(0, counters.get("byteCount").getAsLong());
    }

    @Test
    void setupBindsBothFamiliesOnEachPort() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1", "Ethernet2"));
        assertEquals(Map.of(Family.IP, "bulk_1", Family.IPV6, "bulk_1"), sw.boundAcls("Ethernet1"));
        assertEquals(Map.of(Family.IP, "bulk_1", Family.IPV6, "bulk_1"), sw.boundAcls("Ethernet2"));
        assertEquals(Map.of(), sw.boundAcls("Ethernet3"));
    }

    @Test
    void secondSetupFailsOnTheDuplicateAndChangesNothing() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        List<String> before = Eos.lines(sw, "ip", "bulk_1");
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(Eos.setup("bulk_1", "Ethernet1")));
        assertEquals(List.of("Duplicate sequence number"), e.errors());
        assertEquals("10 permit tcp any any fin", e.failedCommand());
        assertEquals(before, Eos.lines(sw, "ip", "bulk_1"));
    }

    @Test
    void everyAclOfEveryFamilyIsListedWithoutAName() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        sw.runCmds(Eos.setup("bulk_2", "Ethernet2"));
        JsonObject all = sw.runCmds(List.of("show ip access-lists")).get(0);
        assertEquals(2, all.getAsJsonArray("aclList").size());
        assertEquals(List.of("bulk_1", "bulk_2"), sw.accessLists(Family.IPV6));
    }

    @Test
    void unknownAclGivesAnEmptyList() throws SwitchException {
        JsonObject shown = sw.runCmds(List.of("show ip access-lists nosuch")).get(0);
        assertEquals(0, shown.getAsJsonArray("aclList").size());
        assertEquals(List.of(), sw.entries("nosuch", Family.IP));
    }

    @Test
    void ipAndIpv6ListsOfOneNameAreSeparate() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "only_v4", "10 permit ip any any"));
        assertEquals(1, sw.entries("only_v4", Family.IP).size());
        JsonObject v6 = sw.runCmds(List.of("show ipv6 access-lists only_v4")).get(0);
        assertEquals(0, v6.getAsJsonArray("aclList").size());
    }

    @Test
    void removingAnAclDropsItsEntries() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        sw.runCmds(List.of("enable", "configure", "no ip access-list bulk_1", "no ip access-list never_was"));
        assertEquals(List.of(), sw.entries("bulk_1", Family.IP));
        assertEquals(4, sw.entries("bulk_1", Family.IPV6).size());
    }

    @Test
    void unbindingRemovesTheAccessGroup() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        sw.runCmds(List.of("enable", "configure", "interface Ethernet1", "no ip access-group bulk_1 in"));
        assertEquals(Map.of(Family.IPV6, "bulk_1"), sw.boundAcls("Ethernet1"));
    }
}
