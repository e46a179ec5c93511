package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rule under two numbers (a write whose answer was lost landed after the rule was written again
 * under a new number): when one copy goes, the engine still knows the rule by the other.
 */
@Timeout(10)
class TwoCopiesTest {
    private static final String RULE = "deny ip host 10.0.0.1 host 10.0.0.2";

    private final Harness h = new Harness();

    private void writeByHand(long sequence) throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", sequence + " " + RULE,
                "ip access-list bulk_2", sequence + " " + RULE));
    }

    @Test
    void whenTheIdleCopyGoesTheOtherStillAnswersARepeatedRequest() throws Exception {
        writeByHand(701);
        h.start();
        writeByHand(601);
        h.manager.purge();
        h.traffic("Ethernet1", "10.0.0.1", "10.0.0.2", 5);
        h.traffic("Ethernet3", "10.0.0.1", "10.0.0.2", 5);
        PurgeReport second = h.manager.purge();
        assertEquals(2, second.removed().size(), "the idle copy at 701 goes from both lists");
        assertEquals(List.of("601 " + RULE), h.denies("bulk_1", Family.IP));
        long calls = h.sim.calls();

        ShuntOutcome again = h.shunt("10.0.0.1", "10.0.0.2");

        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, again.status());
        assertEquals(601, again.sequence());
        assertEquals(calls + 1, h.sim.calls(), "one read confirming the repeat, nothing written");
        assertEquals(List.of("601 " + RULE), h.denies("bulk_1", Family.IP));
        assertEquals(List.of("601 " + RULE), h.denies("bulk_2", Family.IP));
    }

    @Test
    void bothCopiesFoundAtStartAnswerFromEitherWhileTheyStand() throws Exception {
        writeByHand(601);
        writeByHand(701);
        h.start();
        long calls = h.sim.calls();

        ShuntOutcome again = h.shunt("10.0.0.1", "10.0.0.2");

        assertEquals(ShuntOutcome.alreadyPresent(again.rule(), 601), again);
        assertEquals(calls + 1, h.sim.calls(), "one read confirming the repeat, nothing written");
        assertEquals(2, h.manager.active().size());
    }
}
