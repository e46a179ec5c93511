package org.dumbno.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.EntryWriteException;
import org.dumbno.acl.SetupReport;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;

/** The switch operations against the simulated switch. */
class EosSwitchOnSimulatorTest {
    private final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
    private final EosSwitch eos = EosSwitch.of(sim, Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"));

    @Test
    void setupTwiceChangesNothingTheSecondTime() throws Exception {
        assertTrue(eos.setup().changed());
        var before = sim.entries("bulk_2", Family.IPV6);

        SetupReport second = eos.setup();

        assertFalse(second.changed());
        assertEquals(before, sim.entries("bulk_2", Family.IPV6));
        assertEquals(4, before.size());
        assertEquals(Map.of(Family.IP, "bulk_1", Family.IPV6, "bulk_1"), sim.boundAcls("Ethernet1"));
    }

    @Test
    void writtenLinesReadBackStructurallyWithCounts() throws Exception {
        eos.setup();
        AclKey bulk1 = new AclKey("bulk_1", Family.IP);
        Rule rule = Rule.parse("tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443");

        eos.write(List.of(new EntryWrite(bulk1, 501, rule)));
        List<AclEntry> read = eos.readAcls().get(bulk1);

        AclEntry line = read.stream().filter(e -> e.sequence() == 501).findFirst().orElseThrow();
        assertEquals("deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https", line.text());
        assertEquals(rule, line.rule());
        assertEquals(List.of(10L, 20L, 30L, 501L, 100001L), read.stream().map(AclEntry::sequence).toList());

        eos.remove(List.of(new EntryRef(bulk1, 501)));
        assertEquals(4, eos.readAcls().get(bulk1).size());
    }

    @Test
    void aDuplicateNumberIsTracedToItsWrite() throws Exception {
        eos.setup();
        AclKey bulk2 = new AclKey("bulk_2", Family.IP);
        EntryWrite first = new EntryWrite(bulk2, 501, Rule.parse("ip host 10.0.0.1 any"));
        eos.write(List.of(first));

        EntryWriteException e = org.junit.jupiter.api.Assertions.assertThrows(EntryWriteException.class,
                () -> eos.write(List.of(new EntryWrite(bulk2, 503, Rule.parse("ip host 10.0.0.3 any")),
                        new EntryWrite(bulk2, 501, Rule.parse("ip host 10.0.0.2 any")))));

        assertEquals(501, e.failedWrite().sequence());
        assertEquals(1, e.appliedCount());
    }
}
