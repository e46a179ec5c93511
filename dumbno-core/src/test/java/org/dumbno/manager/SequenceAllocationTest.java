package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sequence allocation chosen on the builder picks each new shunt's number; whatever it picks,
 * the engine writes only a free odd number of the range, and a number another writer took since
 * the last read is placed anew.
 */
@Timeout(10)
class SequenceAllocationTest {
    private final Harness h = new Harness();

    private void writeByHand(String acl, String line) throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ip access-list " + acl, line));
    }

    @Test
    void theAllocationOnTheBuilderChoosesTheNumbers() throws Exception {
        h.start(b -> b.sequenceAllocation(SequenceAllocation.lowestFirst()));
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.manager.remove(Request.of("10.0.0.1", null, null, null, null));
        h.scheduler.runDue();

        ShuntOutcome next = h.shunt("10.0.0.3", null);

        assertEquals(501, next.sequence(), "the lowest free number, where round-robin goes on to 505");
        assertEquals(List.of("501 deny ip host 10.0.0.3 any", "503 deny ip host 10.0.0.2 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void roundRobinIsTheDefaultAndReusesAFreedNumberLast() throws Exception {
        h.start(b -> b.sequenceRange(500, 506));
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.manager.remove(Request.of("10.0.0.1", null, null, null, null));
        h.scheduler.runDue();

        assertEquals(505, h.shunt("10.0.0.3", null).sequence());
        assertEquals(501, h.shunt("10.0.0.4", null).sequence(), "wraps around to the freed number");
    }

    @Test
    void aNumberSeenOnTheSwitchIsNeverOffered() throws Exception {
        writeByHand("bulk_2", "501 permit ip host 10.9.9.9 any");
        writeByHand("bulk_1", "503 deny ip host 10.9.9.8 any");
        List<Long> offered = new ArrayList<>();
        h.start(b -> b.sequenceAllocation(numbers -> {
            for (long n = numbers.min(); n < numbers.max(); n++) {
                if (numbers.isFree(n)) {
                    offered.add(n);
                    return n;
                }
            }
            return SequenceAllocation.NONE;
        }));

        ShuntOutcome outcome = h.shunt("10.0.0.1", null);

        assertEquals(505, outcome.sequence());
        assertEquals(List.of(505L), offered, "501 holds a permit, 503 another writer's deny, even numbers none");
    }

    @Test
    void aNewEngineTellsTheAllocationTheHighestNumberInUse() throws Exception {
        h.start();
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.manager.close();
        List<Long> last = new ArrayList<>();

        h.start(b -> b.sequenceAllocation(numbers -> {
            last.add(numbers.last());
            return SequenceAllocation.roundRobin().choose(numbers);
        }));

        assertEquals(505, h.shunt("10.0.0.3", null).sequence());
        assertEquals(List.of(503L), last);
    }

    @Test
    void aChoiceThatIsNotAFreeOddNumberOfTheRangeIsRefusedAndWritesNothing() throws Exception {
        writeByHand("bulk_1", "501 deny ip host 10.9.9.9 any");
        List<Long> choices = new ArrayList<>(List.of(502L, 501L, 100_001L));
        h.start(b -> b.sequenceAllocation(numbers -> choices.remove(0)));
        long calls = h.sim.calls();

        for (String host : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")) {
            ShuntOutcome outcome = h.shunt(host, null);
            assertEquals(ShuntOutcome.Status.REFUSED, outcome.status(), host);
            assertEquals(true, outcome.reason().startsWith("sequence allocation failed: sequence allocation chose "),
                    outcome.reason());
        }

        assertEquals(calls, h.sim.calls(), "nothing written");
        assertEquals(List.of("501 deny ip host 10.9.9.9 any"), h.denies("bulk_1", Family.IP));
    }

    @Test
    void aNumberAnotherWriterTookSinceTheLastReadIsChosenAgain() throws Exception {
        List<Long> offered = new ArrayList<>();
        h.start(b -> b.sequenceAllocation(numbers -> {
            long chosen = SequenceAllocation.lowestFirst().choose(numbers);
            offered.add(chosen);
            return chosen;
        }));
        writeByHand("bulk_2", "501 deny ip host 10.9.9.9 any");

        ShuntOutcome outcome = h.shunt("10.0.0.1", null);

        assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status());
        assertEquals(503, outcome.sequence());
        assertEquals(List.of(501L, 503L), offered, "the collision is read, and 501 no longer offered");
        assertEquals(List.of("501 deny ip host 10.9.9.9 any", "503 deny ip host 10.0.0.1 any"),
                h.denies("bulk_2", Family.IP));
    }

    @Test
    void noneLeftRefusesWithTheRange() throws Exception {
        h.start(b -> b.sequenceRange(500, 504).sequenceAllocation(SequenceAllocation.lowestFirst()));
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);

        ShuntOutcome third = h.shunt("10.0.0.3", null);

        assertEquals("no free sequence number in (500, 504)", third.reason());
    }
}
