package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.Test;

/**
 * A numbered line one call writes into several lists is read once and written into each as a
 * reading of its own would: same entries, the same refusals, and nothing carried from one family
 * to the other or from one call to the next.
 */
class RepeatedLineTest {
    private static final String LINE = "10 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443";

    private static SimulatedSwitch newSwitch() {
        return SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
    }

    @Test
    void aLineWrittenIntoSeveralListsInOneCallIsWhatSeparateCallsWrite() throws SwitchException {
        SimulatedSwitch together = newSwitch();
        List<String> commands = new ArrayList<>(List.of("enable", "configure"));
        for (String acl : List.of("bulk_1", "bulk_2", "bulk_3")) {
            commands.addAll(List.of("ip access-list " + acl, "5 permit ip any any", LINE, "exit"));
        }
        together.runCmds(commands);
        SimulatedSwitch apart = newSwitch();
        for (String acl : List.of("bulk_1", "bulk_2", "bulk_3")) {
            apart.runCmds(Eos.inAcl("ip", acl, "5 permit ip any any", LINE));
        }
        for (String acl : List.of("bulk_1", "bulk_2", "bulk_3")) {
            assertEquals(apart.entries(acl, Family.IP), together.entries(acl, Family.IP));
            assertEquals(List.of("5 permit ip any any", "10 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"),
                    Eos.lines(together, "ip", acl));
        }
        assertSame(together.entries("bulk_1", Family.IP).get(1).rule(), together.entries("bulk_3", Family.IP).get(1).rule());
    }

    @Test
    void linesInAnotherOrderOrWithOthersBetweenAreReadForWhatTheyAre() throws SwitchException {
        String other = "20 deny udp host 10.0.0.3 host 10.0.0.4";
        String third = "30 permit ip any any";
        List<List<String>> blocks = List.of(List.of(LINE, other), List.of(other, LINE), List.of(LINE, third, other),
                List.of("counters per-entry", LINE, "40 deny udp any any", other, "no 40"));
        SimulatedSwitch together = newSwitch();
        List<String> commands = new ArrayList<>(List.of("enable", "configure"));
        SimulatedSwitch apart = newSwitch();
        for (int i = 0; i < blocks.size(); i++) {
            commands.add("ip access-list bulk_" + i);
            commands.addAll(blocks.get(i));
            commands.add("exit");
            apart.runCmds(Eos.inAcl("ip", "bulk_" + i, blocks.get(i).toArray(String[]::new)));
        }
        together.runCmds(commands);
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(apart.entries("bulk_" + i, Family.IP), together.entries("bulk_" + i, Family.IP));
            assertEquals(Eos.lines(apart, "ip", "bulk_" + i), Eos.lines(together, "ip", "bulk_" + i));
        }
        assertEquals(List.of("10 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https",
                "20 deny udp host 10.0.0.3 host 10.0.0.4"), Eos.lines(together, "ip", "bulk_3"));
    }

    @Test
    void theSameLineTwiceInOneListIsRefusedAsADuplicateNumber() throws SwitchException {
        SimulatedSwitch sw = newSwitch();
        CommandFailedException twice = assertThrows(CommandFailedException.class,
                () -> sw.runCmds(Eos.inAcl("ip", "bulk_1", LINE, LINE)));
        SimulatedSwitch apart = newSwitch();
        apart.runCmds(Eos.inAcl("ip", "bulk_1", LINE));
        CommandFailedException again = assertThrows(CommandFailedException.class,
                () -> apart.runCmds(Eos.inAcl("ip", "bulk_1", LINE)));
        assertEquals(again.errors(), twice.errors());
        assertEquals(List.of("Duplicate sequence number"), twice.errors());
        assertEquals(4, twice.failedIndex());
    }

    @Test
    void aLineReadInAnIpListIsReadAgainInAnIpv6List() throws SwitchException {
        SimulatedSwitch sw = newSwitch();
        List<String> commands = new ArrayList<>(Eos.inAcl("ip", "bulk_1", LINE));
        commands.addAll(List.of("exit", "ipv6 access-list bulk_1", LINE));
        CommandFailedException mixed = assertThrows(CommandFailedException.class, () -> sw.runCmds(commands));
        CommandFailedException alone = assertThrows(CommandFailedException.class,
                () -> newSwitch().runCmds(Eos.inAcl("ipv6", "bulk_1", LINE)));
        assertEquals(alone.errors(), mixed.errors());
        assertEquals(List.of("10 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"), Eos.lines(sw, "ip", "bulk_1"));
    }

    @Test
    void theNextCallReadsTheLineAfreshAgainstTheListAsItIsThen() throws SwitchException {
        SimulatedSwitch sw = newSwitch();
        sw.runCmds(Eos.inAcl("ip", "bulk_2", LINE));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", LINE));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "no 10"));
        sw.runCmds(Eos.inAcl("ip", "bulk_1", LINE));
        assertEquals(List.of("10 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"), Eos.lines(sw, "ip", "bulk_1"));
    }
}
