package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.Transport.Format;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The results an eAPI server copies into its reply ({@link SimulatedSwitch#runCmdsAsJson}), written
 * straight from the lists, print exactly as the JSON objects {@link SimulatedSwitch#runCmds} builds.
 */
class WrittenResultsTest {
    private static final Flow BULK = Flow.of(Protocol.TCP, "10.0.0.1", 1234, "10.0.0.2", 443);
    private static final Flow BULK6 = Flow.of(Protocol.TCP, "2001:db8::1", 1234, "2001:db8::2", 443);
    private static final List<String> SHOWS = List.of("show ip access-lists", "show ipv6 access-lists",
            "show ip access-lists bulk_1", "show ip access-lists missing", "show ip access-lists summary",
            "show ipv6 access-lists summary", "show version", "show hostname", "show interfaces counters");

    private final ManualClock clock = new ManualClock();
    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-4").egress("Ethernet11")
            .clock(clock).build();

    @BeforeEach
    void setUp() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1", "Ethernet2"));
        sw.runCmds(Eos.setup("bulk_2", "Ethernet3"));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "50 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https",
                "60 deny udp host 10.0.0.3 host 10.0.0.4"));
        sw.runCmds(Eos.inAcl("ipv6", "bulk_1", "50 deny tcp host 2001:db8::1 eq 1234 host 2001:db8::2 eq https"));
        sw.runCmds(Eos.inAcl("ip", "empty"));
        clock.advance(Duration.ofMillis(1_234));
        sw.send("Ethernet1", BULK, 3, 4_500);
        sw.send("Ethernet1", BULK6, 2, 3_000);
        sw.send("Ethernet2", Flow.of(Protocol.UDP, "10.9.0.1", 1000, "10.9.0.2", 53), 1, 100);
    }

    private void assertSameText(List<String> commands, Format format) throws SwitchException {
        List<String> fromTrees = new ArrayList<>();
        for (JsonObject result : sw.runCmds(commands, format)) {
            fromTrees.add(result.toString());
        }
        List<String> written = new ArrayList<>();
        for (byte[] result : sw.runCmdsAsJson(commands, format)) {
            written.add(new String(result, StandardCharsets.UTF_8));
        }
        assertEquals(fromTrees, written);
    }

    @Test
    void listsWithCountersShowTheSameText() throws SwitchException {
        assertSameText(SHOWS, Format.JSON);
    }

    @Test
    void listsWithCountersOffShowTheSameText() throws SwitchException {
        sw.countersPerEntry(false);
        assertSameText(SHOWS, Format.JSON);
    }

    @Test
    void listsWithStaleCountersShowTheSameText() throws SwitchException {
        sw.staleCounters(true);
        clock.advance(Duration.ofMillis(10_001));
        sw.send("Ethernet1", BULK, 5, 7_500);
        assertSameText(SHOWS, Format.JSON);
    }

    @Test
    void configurationAndTextResultsAreTheSame() throws SwitchException {
        List<String> commands = new ArrayList<>(Eos.inAcl("ip", "bulk_2", "70 deny ip host 10.0.0.9 any"));
        commands.addAll(SHOWS);
        commands.add("show running-config interfaces Ethernet1-3");
        commands.add("no 70");
        assertSameText(commands, Format.TEXT);
        assertSameText(List.of("enable", "configure", "ip access-list bulk_2", "no 70", "exit"), Format.JSON);
    }

    @Test
    void onlyPrintableAsciiWithoutQuoteOrBackslashGoesIntoJsonAsItIs() {
        assertTrue(JsonBuffer.isPlain("deny tcp host 2001:db8::1 eq 1234 host 2001:db8::2 eq https"));
        for (String escaped : List.of("a\"b", "a\\b", "a\nb", "a\u2028b", "caf\u00e9")) {
            assertFalse(JsonBuffer.isPlain(escaped), escaped);
        }
    }

    @Test
    void aFailedCallCarriesTheResultsShownBeforeItsFailure() throws SwitchException {
        List<String> commands = new ArrayList<>(List.of("show ip access-lists bulk_1"));
        commands.addAll(Eos.inAcl("ip", "bulk_1", "80 deny ip host 10.0.0.8 any"));
        commands.add("show ip access-lists bulk_1");
        commands.add("bogus");
        CommandFailedException fromTrees = assertThrows(CommandFailedException.class, () -> sw.runCmds(commands));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "no 80"));
        CommandFailedException fromText = assertThrows(CommandFailedException.class,
                () -> sw.runCmdsAsJson(commands, Format.JSON));
        assertEquals(fromTrees.failedIndex(), fromText.failedIndex());
        assertEquals(fromTrees.code(), fromText.code());
        assertEquals(fromTrees.errors(), fromText.errors());
        assertEquals(fromTrees.results().toString(), fromText.results().toString());
        assertEquals(6, fromText.results().size());
    }
}
