package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The faults {@code dumbno simulate} takes on standard input, each carried out on the switch. */
class FaultConsoleTest {
    private final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
    private final FaultConsole console = new FaultConsole(sim);

    @Test
    void reloadLosesTheRunningConfigurationAndAnswersNothingMeanwhile() throws Exception {
        EosSwitch.of(sim, Map.of("Ethernet1", "bulk_1")).setup();

        assertEquals("reloaded: the running configuration is gone; no answer for 30 s", console.apply("reload 30"));

        assertEquals(List.of(), sim.accessLists(Family.IP));
        assertEquals(Map.of(), sim.boundAcls("Ethernet1"));
        assertFalse(sim.defaultResultPermit());
        assertThrows(SwitchUnavailableException.class, () -> sim.runCmds(List.of("show version")));
    }

    @Test
    void countersGoOffAndOnInEveryList() throws Exception {
        EosSwitch.of(sim, Map.of("Ethernet1", "bulk_1")).setup();

        assertEquals("no counters per-entry in every ACL", console.apply("COUNTERS off"));
        assertFalse(sim.countsPerEntry("bulk_1", Family.IPV6));
        assertEquals("counters per-entry in every ACL", console.apply("counters on"));
        assertTrue(sim.countsPerEntry("bulk_1", Family.IPV6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stale on        | ACL counters stale",
        "stale off       | ACL counters current again",
        "latency 20      | 20 ms per eAPI call",
        "clear           | no outage, no latency",
        "''              | ''",
        "counters        | counters takes on or off, not ''; help lists the faults",
        "outage soon     | 'soon' is not a whole number; help lists the faults",
        "latency         | latency needs a number; help lists the faults",
        "shutdown        | unknown fault 'shutdown'; help lists them",
    })
    void eachCommandSaysWhatItDid(String line, String answer) {
        assertEquals(answer, console.apply(line));
    }

    @Test
    void helpListsTheFaults() {
        assertTrue(console.apply("help").contains("reload [SECONDS]"));
    }
}
