package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The switch refuses one line in the middle of a batch: the lines before it stand and are not
 * written again, the request behind the refused line is refused with the switch's reason, and the
 * rest of the batch is written.
 */
@Timeout(10)
class RefusedCommandTest {
    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");

    @Test
    void theRefusedLineRefusesOneRequestAndTheRestIsInstalled() throws Exception {
        ACLManager manager = rig.start(b -> b);
        List<Request> burst = new ArrayList<>(Asked.ipv4(0, 6));
        burst.addAll(Asked.ipv6(0, 2));
        Rule bad = burst.get(3).toRule();
        rig.sim.failCommands(command -> command.endsWith(" deny " + bad.text()), 1);

        List<Asked> asked = Asked.ask(manager, burst);
        rig.scheduler.runDue();

        List<String> expected = new ArrayList<>(Collections.nCopies(burst.size(), "ok"));
        expected.set(3, "error: Invalid input (simulated failure)");
        assertEquals(expected, Asked.replies(asked));
        Set<Rule> acknowledged = Asked.acknowledged(asked);
        assertHoldsExactly(rig.sim, rig.recorder, acknowledged);
        assertEquals(List.of("ip bulk_1: 501 deny " + burst.get(0).toRule().text(),
                "ip bulk_1: 503 deny " + burst.get(1).toRule().text(),
                "ip bulk_1: 505 deny " + burst.get(2).toRule().text()),
                rig.recorder.applied().subList(0, 3), "the lines before the refused one, written first");
        assertEquals(1, rig.recorder.writes("ip bulk_1", 501), "the lines that stood are not written again");
        assertEquals(1, rig.recorder.writes("ip bulk_1", 505));
        assertEquals(2 * acknowledged.size(), rig.recorder.applied().size(), "each line written once");
        assertEquals(2 * burst.size() + 2 * acknowledged.size() - 3, rig.recorder.received().size(),
                "the first call carried every line, the second the lines that did not stand");
        log.line(Level.WARN, "refused " + burst.get(3), "Invalid input (simulated failure)");

        Asked after = Asked.ask(manager, Asked.ipv4(100, 1)).get(0);
        Asked badAgain = Asked.ask(manager, List.of(burst.get(3))).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", after.reply());
        assertEquals("ok", badAgain.reply(), "the switch takes the line this time");
        Set<Rule> all = new HashSet<>(acknowledged);
        all.add(after.rule());
        all.add(bad);
        assertHoldsExactly(rig.sim, rig.recorder, all);
        manager.close();
    }
}
