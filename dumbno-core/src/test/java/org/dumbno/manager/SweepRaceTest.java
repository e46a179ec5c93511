package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A request for a rule that a sweep is removing is not answered by the line about to go. */
@Timeout(10)
class SweepRaceTest {
    private static final Request REQUEST = Request.of("10.0.0.1", null, null, null, null);
    private static final Rule RULE = Rule.parse("ip host 10.0.0.1 any");
    private static final List<String> LINE = List.of("501 deny ip host 10.0.0.1 any");
    private final Harness h = new Harness();
    private final WrappedTransport wrapped = new WrappedTransport(h.sim);
    private final AtomicReference<CompletableFuture<ShuntOutcome>> during = new AtomicReference<>();

    @BeforeEach
    void idleShunt() throws Exception {
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        h.shunt(REQUEST);
        h.manager.purge();
        wrapped.during(commands -> commands.contains("no 501"), () -> during.set(h.manager.add(REQUEST)));
    }

    @Test
    void aRequestDuringItsRemovalIsWrittenAgainAfterIt() throws Exception {
        PurgeReport report = h.manager.purge();

        assertEquals(2, report.removed().size());
        assertFalse(during.get().isDone(), "answered by a line being removed: " + during.get().getNow(null));
        h.scheduler.runDue();
        assertEquals(ShuntOutcome.installed(RULE, 503), during.get().getNow(null));
        List<String> again = List.of("503 deny ip host 10.0.0.1 any");
        assertEquals(again, h.denies("bulk_1", Family.IP));
        assertEquals(again, h.denies("bulk_2", Family.IP));
        assertEquals(1, h.manager.active().size());
    }

    @Test
    void aRequestDuringTheRemovalFromOneListPutsItBackThere() throws Exception {
        h.traffic("Ethernet3", "10.0.0.1", "10.0.0.2", 10);

        PurgeReport report = h.manager.purge();

        assertEquals(1, report.removed().size());
        assertFalse(during.get().isDone(), "answered by a line being removed: " + during.get().getNow(null));
        h.scheduler.runDue();
        assertEquals("ok", WireReply.of(during.get().getNow(null)));
        assertEquals(LINE, h.denies("bulk_1", Family.IP));
        assertEquals(LINE, h.denies("bulk_2", Family.IP));
    }

    @Test
    void aRemovalThatFailedLeavesTheLinesPresent() throws Exception {
        wrapped.during(commands -> commands.contains("no 501"), () -> h.sim.failNextCalls(1));

        assertThrows(SwitchException.class, h.manager::purge);

        assertEquals(ShuntOutcome.alreadyPresent(RULE, 501), h.shunt(REQUEST));
        assertEquals(LINE, h.denies("bulk_1", Family.IP));
        assertEquals(LINE, h.denies("bulk_2", Family.IP));
    }
}
