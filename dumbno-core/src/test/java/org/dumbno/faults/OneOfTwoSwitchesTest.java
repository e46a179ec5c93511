package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.dumbno.rule.Rule;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two switches; one goes away in the middle of a burst. The other keeps writing; every request is
 * answered (none waits for the switch that is away), each reply true: {@code ok} only for rules on
 * both switches, {@code error: b: ...} for those b lacks; and b gets every rule once it is back.
 */
@Timeout(10)
class OneOfTwoSwitchesTest {
    private static final Duration WATCH = Duration.ofMillis(100);

    private final Rig a = new Rig(b -> b.hostname("a"));
    private final Rig b = a.alongside("b");
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");

    @Test
    void theOtherSwitchKeepsWritingAndEveryReplyIsTrue() throws Exception {
        ACLManager onA = a.start(s -> s);
        ACLManager onB = b.start(s -> s);
        EverySwitch every = EverySwitch.of(List.of(new EverySwitch.Member("a", onA), new EverySwitch.Member("b", onB)),
                a.scheduler, WATCH);

        List<Asked> before = Asked.ask(every, Asked.ipv4(0, 10));
        a.scheduler.runDue();
        b.sim.outage(Duration.ofSeconds(6));
        List<Asked> during = Asked.ask(every, Asked.ipv4(10, 20));
        during.addAll(Asked.ask(every, Asked.ipv6(0, 5)));
        a.scheduler.runDue();
        List<String> aDuring = SwitchAssertions.denies(a.sim, "bulk_1", org.dumbno.rule.Family.IP).stream()
                .map(e -> e.rule().text()).toList();
        a.scheduler.advance(WATCH);

        assertEquals(java.util.Collections.nCopies(10, "ok"), Asked.replies(before));
        assertEquals(java.util.Collections.nCopies(25, "error: b: unreachable, queued there"), Asked.replies(during),
                "answered while b is away, b named");
        assertEquals(30, aDuring.size(), "a wrote the burst without waiting for b");
        Set<Rule> all = new HashSet<>(Asked.acknowledged(before));
        during.forEach(asked -> all.add(asked.rule()));
        assertHoldsExactly(a.sim, a.recorder, all);
        assertHoldsExactly(b.sim, b.recorder, Asked.acknowledged(before));

        a.scheduler.advance(Duration.ofSeconds(8));

        assertHoldsExactly(b.sim, b.recorder, all);
        assertEquals(0, onA.queueDepth() + onB.queueDepth(), "nothing waits");
        List<Asked> after = Asked.ask(every, new ArrayList<>(Asked.ipv4(10, 3)));
        after.addAll(Asked.ask(every, Asked.ipv4(100, 2)));
        a.scheduler.runDue();
        assertEquals(java.util.Collections.nCopies(5, "ok"), Asked.replies(after), "both answer again");
        assertTrue(log.line(Level.WARN, "switch b (simulated) unreachable").contains("no answer"));
        log.line(Level.INFO, "switch b (simulated) reachable again");
    }
}
