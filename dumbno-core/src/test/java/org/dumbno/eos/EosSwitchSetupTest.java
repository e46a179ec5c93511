package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dumbno.acl.SetupReport;
import org.junit.jupiter.api.Test;

/** Setup writes exactly what is missing, after one read. */
class EosSwitchSetupTest {
    private static final String FULL_IP = """
            {"aclList": [{"name": "bulk_1", "countersEnabled": true, "sequence": [
              {"sequenceNumber": 10, "text": "permit tcp any any fin"},
              {"sequenceNumber": 20, "text": "permit tcp any any syn"},
              {"sequenceNumber": 30, "text": "permit tcp any any rst"},
              {"sequenceNumber": 501, "text": "deny ip host 10.0.0.1 any"},
              {"sequenceNumber": 100001, "text": "permit ip any any"}]}]}""";
    private static final String FULL_IPV6 = FULL_IP.replace("permit ip any any", "permit ipv6 any any")
            .replace("deny ip host 10.0.0.1 any", "deny ipv6 host 2001:db8::1 any");
    private static final String BOUND = "{\"output\": \"interface Ethernet1\\n   ip access-group bulk_1 in\\n"
            + "   ipv6 access-group bulk_1 in\\n\"}";
    private static final String KNOB = "{\"output\": \"hardware access-list update default-result permit\\n\"}";
    private static final String NO_KNOB = "{\"output\": \"\"}";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final EosSwitch eos = EosSwitch.of(transport, Map.of("Ethernet1", "bulk_1"));

    @Test
    void anEmptySwitchGetsEverythingInOneWrite() throws Exception {
        transport.then("{\"aclList\": []}", "{\"aclList\": []}", "{\"output\": \"interface Ethernet1\\n\"}", NO_KNOB);

        SetupReport report = eos.setup();

        List<ScriptedTransport.Call> calls = transport.calls();
        assertEquals(2, calls.size());
        assertEquals(List.of("show ip access-lists bulk_1", "show ipv6 access-lists bulk_1",
                "show running-config interfaces Ethernet1", "show running-config section hardware access-list"),
                calls.get(0).commands());
        assertEquals(List.of("enable", "configure",
                "ip access-list bulk_1", "counters per-entry", "10 permit tcp any any fin",
                "20 permit tcp any any syn", "30 permit tcp any any rst", "100001 permit ip any any",
                "ipv6 access-list bulk_1", "counters per-entry", "10 permit tcp any any fin",
                "20 permit tcp any any syn", "30 permit tcp any any rst", "100001 permit ipv6 any any",
                "interface Ethernet1", "ip access-group bulk_1 in", "ipv6 access-group bulk_1 in",
                "hardware access-list update default-result permit"),
                calls.get(1).commands());
        assertTrue(report.changes().contains("created ip access-list bulk_1"));
        assertTrue(report.changes().contains("bound ipv6 access-group bulk_1 in on Ethernet1"));
        assertEquals("configured hardware access-list update default-result permit",
                report.changes().get(report.changes().size() - 1));
        assertEquals(15, report.changes().size());
    }

    @Test
    void aSwitchAlreadySetUpGetsNoWrite() throws Exception {
        transport.then(FULL_IP, FULL_IPV6, BOUND, KNOB);

        SetupReport report = eos.setup();

        assertFalse(report.changed());
        assertEquals(1, transport.calls().size());
    }

    @Test
    void onlyTheMissingPiecesAreWritten() throws Exception {
        String brokenIp = FULL_IP.replace("\"countersEnabled\": true", "\"countersEnabled\": false")
                .replace("permit tcp any any syn", "permit udp any any");
        String halfBound = "{\"output\": \"interface Ethernet1\\n   ip access-group bulk_1 in\\n\"}";
        transport.then(brokenIp, FULL_IPV6, halfBound, KNOB);

        SetupReport report = eos.setup();

        assertEquals(List.of("enable", "configure", "ip access-list bulk_1", "counters per-entry", "no 20",
                "20 permit tcp any any syn", "interface Ethernet1", "ipv6 access-group bulk_1 in"),
                transport.calls().get(1).commands());
        assertEquals(3, report.changes().size());
    }

    @Test
    void structuredRunningConfigIsUnderstood() throws Exception {
        String structured = """
                {"cmds": {"interface Ethernet1": {"cmds": {"ip access-group bulk_1 in": null,
                 "ipv6 access-group bulk_1 in": null}, "comments": []}}}""";
        String knob = "{\"cmds\": {\"hardware access-list update default-result permit\": null}}";
        transport.then(FULL_IP, FULL_IPV6, structured, knob);

        assertFalse(eos.setup().changed());
    }

    @Test
    void interfacesWithoutJsonFormAreReadAsText() throws Exception {
        transport.thenFail(new CommandFailedException("scripted", 1003, 2,
                "show running-config interfaces Ethernet1", List.of("unconverted command"), List.of()))
                .then(FULL_IP, FULL_IPV6).then("{\"output\": \"interface Ethernet1\\n   ip access-group bulk_1 in\\n"
                        + "   ipv6 access-group bulk_1 in\\n\"}", KNOB);

        assertFalse(eos.setup().changed());
        assertEquals(Transport.Format.TEXT, transport.calls().get(2).format());
        assertEquals(List.of("show running-config interfaces Ethernet1", "show running-config section hardware access-list"),
                transport.calls().get(2).commands());
    }

    @Test
    void aPlatformWithoutTheDefaultResultSettingGetsAWarningNotAFailure() throws Exception {
        transport.then(FULL_IP, FULL_IPV6, BOUND, NO_KNOB)
                .thenFail(new CommandFailedException("scripted", 1002, 2,
                        "hardware access-list update default-result permit",
                        List.of("Invalid input (at token 3: 'default-result')"), List.of()));

        SetupReport report = eos.setup();

        assertEquals(List.of("enable", "configure", "hardware access-list update default-result permit"),
                transport.calls().get(1).commands());
        assertFalse(report.changed());
        assertEquals(1, report.warnings().size());
        assertTrue(report.warnings().get(0).contains("refused 'hardware access-list update default-result permit'"),
                report.warnings().get(0));
        transport.then(FULL_IP, FULL_IPV6, BOUND, NO_KNOB);
        assertFalse(eos.setup().changed());
        assertEquals(3, transport.calls().size());
    }

    @Test
    void aRefusalOfAnotherSetupCommandStillFails() {
        transport.then("{\"aclList\": []}", FULL_IPV6, BOUND, NO_KNOB)
                .thenFail(new CommandFailedException("scripted", 1002, 3, "counters per-entry",
                        List.of("Invalid input"), List.of()));

        org.junit.jupiter.api.Assertions.assertThrows(CommandFailedException.class, eos::setup);
    }
}
