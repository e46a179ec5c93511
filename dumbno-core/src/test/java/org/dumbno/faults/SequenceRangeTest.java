package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.Set;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Request;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every number of a tiny sequence range is taken: further requests are refused and nothing is
 * written; once expiry frees numbers, new requests get them.
 */
@Timeout(10)
class SequenceRangeTest {
    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");

    @Test
    void anExhaustedRangeRefusesUntilExpiryFreesNumbers() throws Exception {
        ACLManager manager = rig.start(b -> b.sequenceRange(500, 506));
        List<Request> requests = Asked.ipv4(0, 5);
        List<Asked> first = Asked.ask(manager, requests.subList(0, 3));
        rig.scheduler.runDue();
        int applied = rig.recorder.received().size();
        long calls = rig.sim.calls();

        List<Asked> beyond = Asked.ask(manager, requests.subList(3, 5));
        rig.scheduler.runDue();

        assertEquals(List.of("ok", "ok", "ok"), Asked.replies(first));
        assertEquals(List.of("error: no free sequence number in (500, 506)",
                "error: no free sequence number in (500, 506)"), Asked.replies(beyond));
        assertEquals(applied, rig.recorder.received().size(), "nothing written");
        assertEquals(calls, rig.sim.calls(), "no call made for them");
        assertHoldsExactly(rig.sim, rig.recorder, Asked.acknowledged(first));
        log.line(Level.WARN, "refused " + requests.get(3), "no free sequence number in (500, 506)");

        manager.purge();
        rig.traffic("Ethernet1", Asked.ipv4Flow(1), 5);
        rig.traffic("Ethernet2", Asked.ipv4Flow(1), 5);
        manager.purge();
        log.line(Level.INFO, "op=REMOVE acl=bulk_1 family=ip seq=501");
        log.line(Level.INFO, "op=REMOVE acl=bulk_2 family=ip seq=505");

        List<Asked> later = Asked.ask(manager, requests.subList(3, 5));
        rig.scheduler.runDue();

        assertEquals(List.of("ok", "ok"), Asked.replies(later));
        assertEquals(List.of(501L, 505L), later.stream().map(a -> a.outcome().getNow(null).sequence()).toList());
        assertHoldsExactly(rig.sim, rig.recorder, Set.of(requests.get(1).toRule(), requests.get(3).toRule(),
                requests.get(4).toRule()));
        assertEquals(2, rig.recorder.writes("ip bulk_1", 501), "a freed number is used again");
        manager.close();
    }
}
