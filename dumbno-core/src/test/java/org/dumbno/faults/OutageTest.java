package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The switch goes away for six seconds in the middle of a burst: requests wait, the engine retries
 * with backoff and writes them when the switch is back; requests older than the maximum age by then
 * are refused.
 */
@Timeout(10)
class OutageTest {
    private static final Duration MAX_AGE = Duration.ofSeconds(4);

    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");

    @Test
    void requestsWaitOutTheOutageAndTheOldestAreRefused() throws Exception {
        ACLManager manager = rig.start(b -> b.maxRequestAge(MAX_AGE));
        List<Asked> before = Asked.ask(manager, concat(Asked.ipv4(0, 8), Asked.ipv6(0, 2)));
        rig.scheduler.runDue();
        assertEquals(Collections.nCopies(10, "ok"), Asked.replies(before));

        rig.sim.outage(Duration.ofSeconds(6));
        long callsBefore = rig.sim.calls();
        List<Asked> early = Asked.ask(manager, concat(Asked.ipv4(100, 6), Asked.ipv6(100, 2)));
        rig.scheduler.runDue();
        rig.scheduler.advance(Duration.ofSeconds(5));
        List<Asked> again = Asked.ask(manager, Asked.ipv4(0, 2));
        List<Asked> late = Asked.ask(manager, concat(Asked.ipv4(200, 6), Asked.ipv4(100, 1)));

        assertEquals(Collections.nCopies(early.size(), null), Asked.replies(early), "waiting at 5 s");
        assertEquals(Collections.nCopies(2, null), Asked.replies(again), "known shunts wait for a read to confirm them");
        assertEquals(3, rig.sim.calls() - callsBefore, "the failed write, then retries after 1 s and 2 s");

        rig.scheduler.advance(Duration.ofSeconds(2));

        String refusal = "error: switch unreachable since " + Rig.START;
        assertEquals(Collections.nCopies(early.size(), refusal), Asked.replies(early),
                "asked at 0 s, 7 s old when the switch answered at 7 s");
        assertEquals(Collections.nCopies(late.size(), "ok"), Asked.replies(late),
                "asked at 5 s, 2 s old; the last one's rule was asked at 0 s too");
        assertEquals(List.of("ok", "ok"), Asked.replies(again), "confirmed by the read once the switch is back");
        assertEquals(5, rig.sim.calls() - callsBefore, "then one read and one write once the switch is back");

        Set<Rule> acknowledged = new HashSet<>(Asked.acknowledged(before));
        acknowledged.addAll(Asked.acknowledged(late));
        acknowledged.addAll(Asked.acknowledged(early));
        assertHoldsExactly(rig.sim, rig.recorder, acknowledged);
        assertEquals(2 * acknowledged.size(), rig.recorder.applied().size(), "each line written once");

        assertTrue(log.line(Level.WARN, "switch dumbno-sim (simulated) unreachable, requests wait up to PT4S",
                "simulated outage").contains("no answer"));
        assertEquals(early.size(), log.count(Level.WARN, "refused {", "switch unreachable since " + Rig.START));
        log.line(Level.INFO, "switch dumbno-sim (simulated) reachable again (unreachable since " + Rig.START + ")");

        Asked after = Asked.ask(manager, Asked.ipv4(300, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals(ShuntOutcome.Status.INSTALLED, after.outcome().getNow(null).status());
        acknowledged.add(after.rule());
        assertHoldsExactly(rig.sim, rig.recorder, acknowledged);
        manager.close();
    }

    private static List<Request> concat(List<Request> a, List<Request> b) {
        List<Request> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
