package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.rule.Family;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CLI modes, sequence numbers and eAPI's stop-on-error. */
class CommandsTest {
    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-4")
            .clock(new ManualClock()).build();

    @Test
    void duplicateSequenceStopsTheCallKeepingWhatRanBefore() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "a", "501 deny ip host 10.0.0.1 any"));
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> sw.runCmds(Eos.inAcl("ip", "a",
                "503 deny ip host 10.0.0.3 any", "501 deny ip host 10.0.0.9 any", "505 deny ip host 10.0.0.5 any")));
        assertEquals(1002, e.code());
        assertEquals(4, e.failedIndex());
        assertEquals("501 deny ip host 10.0.0.9 any", e.failedCommand());
        assertEquals(List.of("Duplicate sequence number"), e.errors());
        assertEquals(4, e.results().size());
        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.3 any"),
                Eos.lines(sw, "ip", "a"));
    }

    @Test
    void unknownCommandNamesTheBadToken() throws SwitchException {
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> sw.runCmds(
                List.of("enable", "configure", "ip access-list a", "10 permit ip any any", "frobnicate now",
                        "20 permit ip any any")));
        assertEquals(1002, e.code());
        assertEquals(4, e.failedIndex());
        assertEquals(List.of("Invalid input (at token 0: 'frobnicate')"), e.errors());
        assertEquals(List.of("10 permit ip any any"), Eos.lines(sw, "ip", "a"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "501 deny tcp host 10.0.0.1 eq 99999 any | Invalid input (at token 6: '99999')",
        "501 deny tcp host 10.0.0.300 any        | Invalid input (at token 4: '10.0.0.300')",
        "501 deny bogus any any                  | Invalid input (at token 2: 'bogus')",
        "501 deny ip any any fin                 | Invalid input (at token 5: 'fin')",
        "501 deny ip host 2001:db8::1 any        | Invalid input (at token 4: '2001:db8::1')",
        "501 deny tcp host 10.0.0.1              | Incomplete command",
        "501 allow ip any any                    | Invalid input (at token 1: 'allow')",
        "0 deny ip any any                       | Invalid input (at token 0: '0')",
        "501 deny esp any any                    | Invalid input (at token 2: 'esp')",
        "501 deny ipv6 any any                   | Invalid input (at token 2: 'ipv6')",
        "501 deny icmpv6 any any                 | Invalid input (at token 2: 'icmpv6')",
        "4294967296 deny ip any any              | Invalid input (at token 0: '4294967296')",
    })
    void badRulesAreRefusedAtTheirToken(String command, String error) {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(Eos.inAcl("ip", "a", command)));
        assertEquals(List.of(error), e.errors());
        assertEquals(3, e.failedIndex());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "501 deny esp any any      | Invalid input (at token 2: 'esp')",
        "501 deny ahp any any      | Invalid input (at token 2: 'ahp')",
        "501 deny gre any any      | Invalid input (at token 2: 'gre')",
        "501 deny sctp any any     | Invalid input (at token 2: 'sctp')",
        "501 deny icmp any any     | Invalid input (at token 2: 'icmp')",
        "501 deny ip any any       | Invalid input (at token 2: 'ip')",
    })
    void ipv6ListsRefuseKeywordsTheyDoNotTake(String command, String error) {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(Eos.inAcl("ipv6", "a", command)));
        assertEquals(List.of(error), e.errors());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ip   | 501 deny 50 host 10.0.0.1 any     | deny 50 host 10.0.0.1 any",
        "ip   | 501 deny 51 any any               | deny ahp any any",
        "ip   | 501 deny 47 any any               | deny gre any any",
        "ipv6 | 501 deny 50 host 2001:db8::1 any  | deny 50 host 2001:db8::1 any",
        "ipv6 | 501 deny 51 any any               | deny 51 any any",
        "ipv6 | 501 deny 89 any any               | deny ospf any any",
    })
    void protocolNumbersReadBackAsTheFamilyNamesThem(String family, String command, String stored)
            throws SwitchException {
        sw.runCmds(Eos.inAcl(family, "a", command));
        assertEquals(List.of(stored), Eos.lines(sw, family, "a").stream().map(l -> l.substring(4)).toList());
    }

    @Test
    void highestSequenceNumberIsAccepted() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "a", "4294967295 permit ip any any"));
        assertEquals(4294967295L, sw.entries("a", Family.IP).get(0).sequence());
    }

    @Test
    void noSequenceRemovesTheEntryAndAbsentOnesAreNoError() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "a", "501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.3 any"));
        List<JsonObject> results = sw.runCmds(Eos.inAcl("ip", "a", "no 501", "no 777"));
        assertEquals(5, results.size());
        assertEquals(List.of("503 deny ip host 10.0.0.3 any"), Eos.lines(sw, "ip", "a"));
    }

    @Test
    void noPermitOrDenyRemovesTheMatchingEntry() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "a", "501 deny tcp any any eq 443", "503 deny ip host 10.0.0.3 any"));
        sw.runCmds(Eos.inAcl("ip", "a", "no deny tcp any any eq https"));
        assertEquals(List.of("503 deny ip host 10.0.0.3 any"), Eos.lines(sw, "ip", "a"));
    }

    @Test
    void entriesWithoutNumberGetLastPlusTen() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "a", "permit tcp any any fin", "permit tcp any any syn", "505 deny ip any any",
                "permit ip any any"));
        assertEquals(List.of("10 permit tcp any any fin", "20 permit tcp any any syn", "505 deny ip any any",
                "515 permit ip any any"), Eos.lines(sw, "ip", "a"));
    }

    @Test
    void configurationNeedsPrivilegedMode() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(List.of("configure", "ip access-list a")));
        assertEquals(0, e.failedIndex());
        assertEquals(List.of("Invalid input (privileged mode required)"), e.errors());
        assertEquals(List.of(), sw.accessLists(Family.IP));
    }

    @Test
    void aclModeNeedsConfigureMode() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(List.of("enable", "ip access-list a")));
        assertEquals(1, e.failedIndex());
        assertEquals(List.of(), sw.accessLists(Family.IP));
    }

    @Test
    void everyCallStartsAFreshSession() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "ip access-list a"));
        assertThrows(CommandFailedException.class, () -> sw.runCmds(List.of("10 permit ip any any")));
        assertEquals(List.of(), sw.entries("a", Family.IP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"configure terminal", "CONFIGURE", "configure"})
    void configureHasItsSpellings(String configure) throws SwitchException {
        sw.runCmds(List.of("enable", configure, "ip access-list a", "10 permit ip any any"));
        assertEquals(1, sw.entries("a", Family.IP).size());
    }

    @Test
    void globalCommandsWorkFromInsideAnAcl() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "ip access-list a", "10 permit ip any any",
                "ipv6 access-list b", "10 permit ipv6 any any", "interface Ethernet2", "ip access-group a in",
                "end"));
        assertEquals(1, sw.entries("b", Family.IPV6).size());
        assertEquals("a", sw.boundAcls("Ethernet2").get(Family.IP));
    }

    @Test
    void exitLeavesTheAclForConfigurationMode() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "ip access-list a", "exit", "ip access-list b", "exit", "exit"));
        assertEquals(List.of("a", "b"), sw.accessLists(Family.IP));
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> sw.runCmds(
                List.of("enable", "configure", "ip access-list a", "end", "10 permit ip any any")));
        assertEquals(4, e.failedIndex());
    }

    @Test
    void unknownInterfaceIsRefused() {
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> sw.runCmds(
                List.of("enable", "configure", "interface Ethernet99", "ip access-group a in")));
        assertEquals(2, e.failedIndex());
        assertEquals(List.of("Invalid input (at token 1: 'Ethernet99')"), e.errors());
    }

    @Test
    void interfaceRangesAndAbbreviationsAreAccepted() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "interface Ethernet1-2", "ip access-group a in",
                "interface et4", "ipv6 access-group b in"));
        assertEquals("a", sw.boundAcls("Ethernet1").get(Family.IP));
        assertEquals("a", sw.boundAcls("Ethernet2").get(Family.IP));
        assertEquals("b", sw.boundAcls("Ethernet4").get(Family.IPV6));
    }

    @Test
    void bindingReplacesTheFamilysPreviousAcl() throws SwitchException {
        sw.runCmds(List.of("enable", "configure", "interface Ethernet1", "ip access-group a in",
                "ip access-group b in"));
        assertEquals("b", sw.boundAcls("Ethernet1").get(Family.IP));
    }

    @Test
    void statisticsPerEntryIsTheOlderSpelling() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "a", "statistics per-entry"));
        JsonObject acl = sw.runCmds(List.of("show ip access-lists a")).get(0).getAsJsonArray("aclList").get(0)
                .getAsJsonObject();
        assertTrue(acl.get("countersEnabled").getAsBoolean());
    }

    @Test
    void commandsRunCountsOnlyWhatRan() {
        assertThrows(CommandFailedException.class, () -> sw.runCmds(List.of("enable", "configure", "bogus", "end")));
        assertEquals(2, sw.commandsRun());
        assertEquals(1, sw.calls());
    }
}
