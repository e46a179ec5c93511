package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A new engine on a switch with shunts learns them and reuses none of their numbers. */
@Timeout(10)
class RestartTest {
    private final Harness h = new Harness();

    @Test
    void aNewEngineContinuesAfterTheHighestNumberInUse() throws Exception {
        h.start();
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.manager.close();

        h.start();
        ShuntOutcome next = h.shunt("10.0.0.3", null);

        assertEquals(505, next.sequence());
        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.2 any",
                "505 deny ip host 10.0.0.3 any"), h.denies("bulk_1", Family.IP));
    }

    @Test
    void aNewEngineKnowsTheShuntsAlreadyThere() throws Exception {
        h.start();
        h.shunt("10.0.0.1", null);
        h.manager.close();
        long calls = h.sim.calls();

        h.start();
        ShuntOutcome again = h.shunt("10.0.0.1", null);

        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, again.status());
        assertEquals(501, again.sequence());
        assertEquals(calls + 2, h.sim.calls(), "the start's read and the read confirming the repeat, no write");
        assertEquals(1, h.manager.active().size());
    }

    @Test
    void numbersInUseInAnyListAreSkipped() throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ipv6 access-list bulk_2", "503 deny ipv6 host 2001:db8::9 any",
                "ip access-list bulk_1", "501 deny ip host 10.9.9.9 any"));
        h.start(b -> b.sequenceRange(500, 600));
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "no 501"));
        h.manager.close();
        h.start(b -> b.sequenceRange(500, 600));

        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);

        assertEquals(List.of("505 deny ip host 10.0.0.1 any", "507 deny ip host 10.0.0.2 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void afterTheRoundTheLowestFreeNumberIsNext() throws Exception {
        h.start(b -> b.sequenceRange(500, 506));
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.shunt("10.0.0.3", null);
        h.manager.purge();
        h.traffic("Ethernet1", "10.0.0.1", "10.0.0.9", 1);
        h.traffic("Ethernet3", "10.0.0.1", "10.0.0.9", 1);
        h.traffic("Ethernet1", "10.0.0.3", "10.0.0.9", 1);
        h.traffic("Ethernet3", "10.0.0.3", "10.0.0.9", 1);
        h.manager.purge();

        ShuntOutcome next = h.shunt("10.0.0.4", null);

        assertEquals(503, next.sequence());
    }
}
