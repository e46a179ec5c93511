package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.EntryWriteException;
import org.dumbno.acl.InterfaceCounters;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;

/** Each switch operation is one call with the right commands, and its answer is read right. */
class EosSwitchTest {
    private static final Map<String, String> PORTS = Map.of(
            "Ethernet1", "bulk_1", "Ethernet2", "bulk_1", "Ethernet3", "bulk_2");
    private static final AclKey IP1 = new AclKey("bulk_1", Family.IP);
    private static final AclKey IP2 = new AclKey("bulk_2", Family.IP);
    private static final AclKey V6_1 = new AclKey("bulk_1", Family.IPV6);
    /** A summary that shows both IP lists counting and bound as the ports say. */
    private static final String BOUND = "{\"aclList\": [{\"name\": \"bulk_1\", \"countersEnabled\": true,"
            + " \"configuredIngressIntfs\": [{\"name\": \"Ethernet1\"}, {\"name\": \"Ethernet2\"}]}, {\"name\": \"bulk_2\","
            + " \"countersEnabled\": true, \"configuredIngressIntfs\": [{\"name\": \"Ethernet3\"}]}]}";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final EosSwitch eos = EosSwitch.of(transport, PORTS);

    @Test
    void managesOneListPerDistinctNameAndFamily() {
        assertEquals(List.of(IP1, IP2, V6_1, new AclKey("bulk_2", Family.IPV6)), eos.acls());
        assertEquals(List.of(IP1, IP2), eos.acls(Family.IP));
    }

    @Test
    void readAclsIsOneCallOverBothFamilies() throws Exception {
        transport.then("""
                {"aclList": [{"name": "bulk_1", "sequence": [
                  {"sequenceNumber": 10, "text": "permit tcp any any fin", "counterData": {"byteCount": 0}},
                  {"sequenceNumber": 501, "text": "deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https",
                   "counterData": {"packetCount": 359, "byteCount": 517320}},
                  {"sequenceNumber": 503, "text": "remark made by hand"}]}]}""",
                "{\"aclList\": []}");

        Map<AclKey, List<AclEntry>> acls = eos.readAcls();

        assertEquals(List.of(new ScriptedTransport.Call(List.of("show ip access-lists bulk_1",
                "show ip access-lists bulk_2", "show ipv6 access-lists bulk_1", "show ipv6 access-lists bulk_2",
                "show ip access-lists summary", "show ipv6 access-lists summary"),
                Transport.Format.JSON)), transport.calls());
        List<AclEntry> bulk1 = acls.get(IP1);
        assertEquals(3, bulk1.size());
        assertEquals(0, bulk1.get(0).packetCount());
        assertEquals(new AclEntry(501, "deny", Rule.parse("tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443"),
                "deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https", 359, null, 517320), bulk1.get(1));
        assertNull(bulk1.get(2).rule());
        assertEquals(List.of(), acls.get(IP2));
        assertEquals(List.of(), acls.get(V6_1));
    }

    @Test
    void unchangedTextsAreNotParsedAgain() throws Exception {
        String acl = "{\"aclList\": [{\"name\": \"bulk_1\", \"sequence\": [{\"sequenceNumber\": 501,"
                + " \"text\": \"deny ip host 10.0.0.1 any\"}]}]}";
        transport.then(acl).then(acl);

        Rule first = eos.readAcls().get(IP1).get(0).rule();
        Rule second = eos.readAcls().get(IP1).get(0).rule();

        assertSame(first, second);
    }

    @Test
    void writeGroupsLinesByListInOneCall() throws Exception {
        Rule v4 = Rule.parse("ip host 10.0.0.1 any");
        Rule v6 = Rule.parse("ipv6 host 2001:db8::1 any");

        transport.then(afterWrite(37, BOUND, BOUND));

        List<LayoutProblem> problems = eos.write(List.of(new EntryWrite(IP1, 501, v4), new EntryWrite(V6_1, 503, v6),
                new EntryWrite(IP2, 501, v4), new EntryWrite(IP1, 505, Rule.parse("tcp any any eq 443"))));

        List<String> expected = new ArrayList<>(List.of("enable", "configure", "ip access-list bulk_1"));
        expected.addAll(whole("ip"));
        expected.addAll(List.of("501 deny ip host 10.0.0.1 any", "505 deny tcp any any eq 443", "ipv6 access-list bulk_1"));
        expected.addAll(whole("ipv6"));
        expected.addAll(List.of("503 deny ipv6 host 2001:db8::1 any", "ip access-list bulk_2"));
        expected.addAll(whole("ip"));
        expected.addAll(List.of("501 deny ip host 10.0.0.1 any", "exit", "show ip access-lists summary",
                "show ipv6 access-lists summary"));
        assertEquals(expected, transport.calls().get(0).commands());
        assertEquals(List.of(), problems);
    }

    /** A list's line is its own command, whatever the list before had at that place (another rule, another number). */
    @Test
    void eachListGetsItsOwnLinesWhateverTheListBeforeHad() throws Exception {
        Rule a = Rule.parse("ip host 10.0.0.1 any");
        Rule b = Rule.parse("ip host 10.0.0.2 any");
        transport.then(afterWrite(30, BOUND, BOUND));

        eos.write(List.of(new EntryWrite(IP1, 501, a), new EntryWrite(IP1, 503, b), new EntryWrite(IP1, 505, a),
                new EntryWrite(IP2, 503, b), new EntryWrite(IP2, 503, a), new EntryWrite(IP2, 505, a),
                new EntryWrite(IP2, 509, b)));

        List<String> expected = new ArrayList<>(List.of("enable", "configure", "ip access-list bulk_1"));
        expected.addAll(whole("ip"));
        expected.addAll(List.of("501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.2 any",
                "505 deny ip host 10.0.0.1 any", "ip access-list bulk_2"));
        expected.addAll(whole("ip"));
        expected.addAll(List.of("503 deny ip host 10.0.0.2 any", "503 deny ip host 10.0.0.1 any",
                "505 deny ip host 10.0.0.1 any", "509 deny ip host 10.0.0.2 any", "exit",
                "show ip access-lists summary", "show ipv6 access-lists summary"));
        assertEquals(expected, transport.calls().get(0).commands());
    }

    /** The layout each write puts before its lines: whole lists stay as they are, bare ones become whole. */
    private static List<String> whole(String any) {
        return List.of("counters per-entry", "no 10", "10 permit tcp any any fin", "no 20", "20 permit tcp any any syn",
                "no 30", "30 permit tcp any any rst", "no 100001", "100001 permit " + any + " any any");
    }

    /** Answers to a write call: {@code {}} for its first {@code commands}, then the two summaries. */
    private static String[] afterWrite(int commands, String ipSummary, String ipv6Summary) {
        List<String> answers = new ArrayList<>(Collections.nCopies(commands, "{}"));
        answers.add(ipSummary);
        answers.add(ipv6Summary);
        return answers.toArray(String[]::new);
    }

    @Test
    void aWriteWhoseSummariesShowAListNotWholeSaysSo() throws Exception {
        String bare = "{\"aclList\": [{\"name\": \"bulk_1\", \"countersEnabled\": false}]}";
        transport.then(afterWrite(14, bare, "{\"aclList\": []}"));

        List<LayoutProblem> problems = eos.write(List.of(new EntryWrite(IP1, 501, Rule.parse("ip host 10.0.0.1 any"))));

        assertEquals(List.of("ip access-list bulk_1 does not count per entry",
                "ip access-list bulk_1 is not bound in on Ethernet1, Ethernet2"),
                problems.stream().map(LayoutProblem::text).toList());
    }

    @Test
    void aRefusedLineIsTracedBackToItsWrite() {
        Rule rule = Rule.parse("ip host 10.0.0.1 any");
        EntryWrite a = new EntryWrite(IP1, 501, rule);
        EntryWrite b = new EntryWrite(IP2, 501, rule);
        EntryWrite c = new EntryWrite(IP2, 503, Rule.parse("ip host 10.0.0.2 any"));
        transport.thenFail(new CommandFailedException("scripted", 1002, 24, "503 deny ip host 10.0.0.2 any",
                List.of("Duplicate sequence number"), List.of()));

        EntryWriteException e = assertThrows(EntryWriteException.class, () -> eos.write(List.of(a, b, c)));

        assertEquals(c, e.failedWrite());
        assertEquals(List.of(a, b), e.applied());
        assertEquals("Duplicate sequence number", e.reason());
    }

    @Test
    void aRefusedModeCommandBlamesTheFirstLineOfItsGroup() {
        EntryWrite a = new EntryWrite(IP1, 501, Rule.parse("ip host 10.0.0.1 any"));
        EntryWrite b = new EntryWrite(IP2, 501, Rule.parse("ip host 10.0.0.1 any"));
        transport.thenFail(new CommandFailedException("scripted", 1002, 13, "ip access-list bulk_2",
                List.of("not allowed"), List.of()));

        EntryWriteException e = assertThrows(EntryWriteException.class, () -> eos.write(List.of(a, b)));

        assertEquals(b, e.failedWrite());
        assertEquals(1, e.appliedCount());
    }

    @Test
    void aRefusedLayoutCommandBlamesTheFirstLineOfItsGroup() {
        EntryWrite a = new EntryWrite(IP1, 501, Rule.parse("ip host 10.0.0.1 any"));
        EntryWrite b = new EntryWrite(IP2, 501, Rule.parse("ip host 10.0.0.1 any"));
        transport.thenFail(new CommandFailedException("scripted", 1002, 15, "no 10",
                List.of("not allowed"), List.of()));

        EntryWriteException e = assertThrows(EntryWriteException.class, () -> eos.write(List.of(a, b)));

        assertEquals(b, e.failedWrite());
        assertEquals(List.of(a), e.applied());
    }

    @Test
    void aRefusedEnableIsNotBlamedOnAnyLine() {
        transport.thenFail(new CommandFailedException("scripted", 1005, 0, "enable",
                List.of("privilege required"), List.of()));

        assertThrows(CommandFailedException.class, () -> eos.write(List.of(
                new EntryWrite(IP1, 501, Rule.parse("ip host 10.0.0.1 any")))));
    }

    @Test
    void emptyWritesAndRemovalsMakeNoCall() throws Exception {
        eos.write(List.of());
        eos.remove(List.of());

        assertEquals(List.of(), transport.calls());
    }

    @Test
    void removeGroupsByListInOneCall() throws Exception {
        eos.remove(List.of(new EntryRef(IP1, 501), new EntryRef(V6_1, 503), new EntryRef(IP1, 507)));

        assertEquals(List.of("enable", "configure", "ip access-list bulk_1", "no 501", "no 507",
                "ipv6 access-list bulk_1", "no 503"), transport.calls().get(0).commands());
    }

    @Test
    void interfaceCountersReadsOctets() throws Exception {
        transport.then("""
                {"interfaces": {"Ethernet1": {"inOctets": 1000, "outOctets": 20, "inUcastPkts": 3},
                                "Ethernet11": {"outOctets": 900}}}""");

        Map<String, InterfaceCounters> counters = eos.interfaceCounters();

        assertEquals(Map.of("Ethernet1", new InterfaceCounters(1000, 20), "Ethernet11", new InterfaceCounters(0, 900)),
                counters);
        assertEquals(List.of("show interfaces counters"), transport.calls().get(0).commands());
    }

    @Test
    void wrongAclFamilyForARuleIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new EntryWrite(V6_1, 501, Rule.parse("ip host 10.0.0.1 any")));
    }

    @Test
    void noPortsMeansNoListsAndNoCalls() throws SwitchException {
        EosSwitch none = EosSwitch.of(transport, Map.of());

        assertEquals(List.of(), none.acls());
        assertEquals(Map.of(), none.readAcls());
        assertEquals(List.of(), none.setup().changes());
        assertEquals(List.of(), transport.calls());
    }

    static JsonObject empty() {
        return new JsonObject();
    }
}
