package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A shunt leaves the switch behind dumbno's back (removed by hand, or by the sweep of a second
 * dumbno on the same switch): the next request for it is confirmed by a read and the rule written
 * again before {@code ok}, never answered from memory.
 */
@Timeout(10)
class RepeatFaultTest {
    private final Rig rig = new Rig();
    private final AtReply atReply = new AtReply(rig.sim, Rig.PORTS);
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");

    @Test
    void aRuleRemovedByHandIsWrittenAgainWhenAskedAgain() throws Exception {
        ACLManager manager = rig.start(b -> b);
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.recorder.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "no 501"));
        long calls = rig.sim.calls();

        List<Asked> again = atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();

        assertEquals(List.of("ok"), Asked.replies(again));
        assertEquals(List.of(), atReply.problems());
        assertEquals(2, atReply.checked());
        assertEquals(calls + 3, rig.sim.calls(),
                "the read beside the writes finds it missing, the write lane reads and writes it again");
        assertEquals(2, rig.recorder.writes("ip bulk_1", 501), "put back under its number");
        assertEquals(1, rig.recorder.writes("ip bulk_2", 501), "the other list untouched");
        log.line(Level.INFO, "asked again is missing from [ip bulk_1]: writing it again");
        assertEquals(List.of(), rig.recorder.violations());
    }

    @Test
    void aConfirmingReadThatMissedAListAnswersNothingFromMemory() throws Exception {
        EmptyingTransport emptying = new EmptyingTransport(rig.recorder);
        ACLManager manager = rig.manager(emptying, b -> b);
        manager.start();
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.recorder.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "no 501"));

        emptying.emptyNext("show ip access-lists bulk_1");
        List<Asked> again = atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();

        assertEquals(List.of(), atReply.problems());
        assertEquals(List.of("ok"), Asked.replies(again), "confirmed by the next read, which sees the list");
        assertEquals(2, rig.recorder.writes("ip bulk_1", 501), "put back under its number");
        log.line(Level.INFO, "asked again is missing from [ip bulk_1]: writing it again");
    }

    @Test
    void aRepeatTwoReadsInARowCannotConfirmIsRefusedPlainly() throws Exception {
        EmptyingTransport emptying = new EmptyingTransport(rig.recorder);
        ACLManager manager = rig.manager(emptying, b -> b);
        manager.start();
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.recorder.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "no 501"));
        long calls = rig.sim.calls();

        emptying.emptyNext("show ip access-lists bulk_1", 2);
        List<Asked> again = atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();

        assertEquals(List.of("error: switch read incomplete: ip access-list bulk_1 was missing from a read although"
                + " the switch lists it"), Asked.replies(again));
        assertEquals(calls + 2, rig.sim.calls(), "two reads, no write, no spinning");
        assertEquals(List.of(), atReply.problems());
    }

    @Test
    void aRepeatAfterASweepThatMissedAListIsNotAnsweredFromMemory() throws Exception {
        EmptyingTransport emptying = new EmptyingTransport(rig.recorder);
        ACLManager manager = rig.manager(emptying, b -> b);
        manager.start();
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.recorder.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "no 501",
                "ip access-list bulk_2", "no 501"));
        emptying.emptyNext("show ip access-lists bulk_1");
        manager.purge();

        List<Asked> again = atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();

        assertEquals(List.of(), atReply.problems());
        assertEquals(List.of("ok"), Asked.replies(again));
        assertEquals(1, SwitchAssertions.denies(rig.sim, "bulk_1", Family.IP).size(),
                "written again where the partial read could not tell");
        assertEquals(1, SwitchAssertions.denies(rig.sim, "bulk_2", Family.IP).size());
    }

    @Test
    void aRuleTheSecondDumbnosSweepRemovedIsWrittenAgainByTheFirst() throws Exception {
        ACLManager first = rig.start(b -> b);
        atReply.ask(first, Asked.ipv4(0, 2));
        rig.scheduler.runDue();
        ACLManager second = rig.start(b -> b);
        second.purge();
        rig.traffic("Ethernet1", Asked.ipv4Flow(1), 10);
        rig.traffic("Ethernet2", Asked.ipv4Flow(1), 10);
        assertEquals(2, second.purge().removed().size(), "the second dumbno removes the idle rule 0");

        List<Asked> again = atReply.ask(first, Asked.ipv4(0, 2));
        rig.scheduler.runDue();

        assertEquals(List.of("ok", "ok"), Asked.replies(again));
        assertEquals(List.of(), atReply.problems());
        assertEquals(2, SwitchAssertions.denies(rig.sim, "bulk_1", Family.IP).size());
        assertEquals(List.of(), rig.recorder.violations());
    }

    @Test
    void ipsecShuntsAreWrittenAsEosTakesThem() throws Exception {
        ACLManager manager = rig.start(b -> b);

        List<Asked> asked = atReply.ask(manager, List.of(Request.of("10.0.0.1", "10.0.0.2", "esp", null, null),
                Request.of("2001:db8::1", "2001:db8::2", "50", null, null),
                Request.of("10.0.0.3", null, "ahp", null, null)));
        rig.scheduler.runDue();

        assertEquals(List.of("ok", "ok", "ok"), Asked.replies(asked));
        assertEquals(List.of(), atReply.problems());
        assertEquals(List.of("deny 50 host 10.0.0.1 host 10.0.0.2", "deny ahp host 10.0.0.3 any"),
                SwitchAssertions.denies(rig.sim, "bulk_2", Family.IP).stream().map(e -> e.text()).toList());
        assertEquals(List.of("deny 50 host 2001:db8::1 host 2001:db8::2"),
                SwitchAssertions.denies(rig.sim, "bulk_1", Family.IPV6).stream().map(e -> e.text()).toList());
    }
}
