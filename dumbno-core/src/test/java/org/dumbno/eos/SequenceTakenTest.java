package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.EntryWriteException;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EntryWriteException#isSequenceTaken()} is decided from what EOS answers: a number that
 * holds another line is taken, a line refused for any other reason is not.
 */
class SequenceTakenTest {
    private static final AclKey IP1 = new AclKey("bulk_1", Family.IP);
    private static final AclKey IP2 = new AclKey("bulk_2", Family.IP);
    private static final Rule RULE = Rule.parse("ip host 10.0.0.1 any");

    private final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
    private final EosSwitch eos = sim.aclSwitch(Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"));

    @BeforeEach
    void setUp() throws SwitchException {
        eos.setup();
    }

    private List<Long> denies(String acl) {
        return sim.entries(acl, Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .map(SimulatedEntry::sequence).toList();
    }

    @Test
    void aNumberHoldingAnotherWritersLineIsTaken() throws SwitchException {
        sim.runCmds(List.of("enable", "configure", "ip access-list bulk_2", "501 deny ip host 10.9.9.9 any"));
        EntryWrite first = new EntryWrite(IP1, 501, RULE);
        EntryWrite taken = new EntryWrite(IP2, 501, RULE);
        EntryWrite after = new EntryWrite(IP2, 503, Rule.parse("ip host 10.0.0.2 any"));

        EntryWriteException e = assertThrows(EntryWriteException.class, () -> eos.write(List.of(first, taken, after)));

        assertTrue(e.isSequenceTaken());
        assertEquals("Duplicate sequence number", e.reason(), "EOS's own words");
        assertEquals(taken, e.failedWrite());
        assertEquals(List.of(first), e.applied());
        assertEquals(List.of(501L), denies("bulk_1"), "the line before it stands");
        assertEquals(List.of(501L), denies("bulk_2"), "the other writer's line, and nothing after it");
        assertEquals("deny ip host 10.9.9.9 any", sim.entries("bulk_2", Family.IP).stream()
                .filter(entry -> entry.sequence() == 501).findFirst().orElseThrow().text());
    }

    @Test
    void aLineRefusedForAnotherReasonIsNotTaken() {
        EntryWrite beyond = new EntryWrite(IP1, 4_294_967_297L, RULE);

        EntryWriteException e = assertThrows(EntryWriteException.class, () -> eos.write(List.of(beyond)));

        assertFalse(e.isSequenceTaken(), e.reason());
        assertTrue(e.reason().startsWith("Invalid input"), e.reason());
        assertEquals(List.of(), e.applied());
    }

    @Test
    void aRefusalInjectedIntoTheSimulatorIsNotTaken() {
        sim.failCommands(command -> command.startsWith("503 deny"), 1);
        EntryWrite first = new EntryWrite(IP1, 501, RULE);
        EntryWrite refused = new EntryWrite(IP1, 503, Rule.parse("ip host 10.0.0.2 any"));

        EntryWriteException e = assertThrows(EntryWriteException.class, () -> eos.write(List.of(first, refused)));

        assertFalse(e.isSequenceTaken(), e.reason());
        assertEquals(refused, e.failedWrite());
        assertEquals(List.of(first), e.applied());
    }
}
