package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.Transport.Format;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** The show commands in both formats. */
class ShowsTest {
    private final ManualClock clock = new ManualClock();
    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-4").egress("Ethernet11")
            .hostname("tap-agg-1").clock(clock).build();

    @Test
    void runningConfigOfAnInterfaceIsTextWithThreeSpaceIndent() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        JsonObject shown = sw.runCmds(List.of("show running-config interfaces Ethernet1"), Format.TEXT).get(0);
        assertEquals("interface Ethernet1\n   ip access-group bulk_1 in\n   ipv6 access-group bulk_1 in\n",
                shown.get("output").getAsString());
    }

    @Test
    void runningConfigOfAnUnboundInterfaceIsItsNameOnly() throws SwitchException {
        JsonObject shown = sw.runCmds(List.of("show running-config interfaces Ethernet2"), Format.TEXT).get(0);
        assertEquals("interface Ethernet2\n", shown.get("output").getAsString());
    }

    @Test
    void runningConfigHasNoJsonModel() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(List.of("enable", "show running-config interfaces Ethernet1")));
        assertEquals(1003, e.code());
        assertEquals(1, e.failedIndex());
        assertEquals(1, e.results().size());
    }

    @Test
    void configurationCommandsGiveEmptyOutputInText() throws SwitchException {
        List<JsonObject> results = sw.runCmds(List.of("enable", "configure"), Format.TEXT);
        results.forEach(result -> assertEquals("", result.get("output").getAsString()));
    }

    @Test
    void interfaceCountersListEveryInterface() throws SwitchException {
        JsonObject interfaces = sw.runCmds(List.of("show interfaces counters")).get(0).getAsJsonObject("interfaces");
        assertEquals(5, interfaces.size());
        JsonObject eth1 = interfaces.getAsJsonObject("Ethernet1");
        for (String key : List.of("inOctets", "outOctets", "inUcastPkts", "outUcastPkts")) {
            assertEquals(0, eth1.get(key).getAsLong(), key);
        }
    }

    @Test
    void interfaceCountersHaveATextRendering() throws SwitchException {
        sw.advanceCounters("Ethernet1", 12345, 0);
        String text = sw.runCmds(List.of("show interfaces counters"), Format.TEXT).get(0).get("output").getAsString();
        assertTrue(text.contains("Ethernet1") && text.contains("12345"), text);
    }

    @Test
    void versionNamesModelAndHost() throws SwitchException {
        clock.advance(Duration.ofSeconds(90));
        JsonObject version = sw.runCmds(List.of("show version")).get(0);
        assertTrue(version.get("modelName").getAsString().startsWith("DCS-"));
        assertTrue(version.has("version") && version.has("serialNumber"));
        assertEquals("tap-agg-1", version.get("hostname").getAsString());
        assertEquals(90.0, version.get("uptime").getAsDouble());
        String text = sw.runCmds(List.of("show version"), Format.TEXT).get(0).get("output").getAsString();
        assertTrue(text.contains("Software image version"), text);
    }

    @Test
    void accessListTextShowsMatches() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny tcp any any eq 443"));
        sw.send("Ethernet1", Flow.of(Protocol.TCP, "10.0.0.1", 1000, "10.0.0.2", 443), 359, 500000);
        clock.advance(Duration.ofSeconds(82));
        String text = sw.runCmds(List.of("show ip access-lists bulk_1"), Format.TEXT).get(0).get("output")
                .getAsString();
        assertTrue(text.startsWith("IP Access List bulk_1\n        counters per-entry\n"), text);
        assertTrue(text.contains("        501 deny tcp any any eq https [match 359 packets, 0:01:22 ago]\n"), text);
    }

    @Test
    void showsWorkInEveryMode() throws SwitchException {
        List<JsonObject> results = sw.runCmds(List.of("show version", "enable", "show version", "configure",
                "show version", "ip access-list a", "show ip access-lists a", "interface Ethernet1", "show version"));
        assertEquals(1, results.get(6).getAsJsonArray("aclList").size());
        assertEquals(9, results.size());
    }

    @Test
    void showsListTheBoundInterfaces() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1", "Ethernet2"));
        JsonObject acl = sw.runCmds(List.of("show ipv6 access-lists bulk_1")).get(0).getAsJsonArray("aclList").get(0)
                .getAsJsonObject();
        assertEquals(2, acl.getAsJsonArray("configuredIngressIntfs").size());
    }

    @Test
    void lastChangedTimeFollowsTheClock() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        sw.send("Ethernet1", Flow.of(Protocol.UDP, "10.0.0.1", 1000, "10.0.0.2", 53), 1, 80);
        JsonObject counters = Eos.entry(sw, "ip", "bulk_1", 100001).getAsJsonObject("counterData");
        assertEquals(clock.instant().getEpochSecond(), counters.get("lastChangedTime").getAsLong());
    }

    @Test
    void unknownShowIsInvalid() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(List.of("show frobs")));
        assertEquals(List.of("Invalid input (at token 1: 'frobs')"), e.errors());
    }
}
