package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Permit lines inside the managed range are not shunts: never matched, judged, removed or reused. */
@Timeout(10)
class PermitTest {
    private static final String PERMIT = "601 permit tcp host 10.9.9.9 any eq 22";
    private final Harness h = new Harness();

    private void permitInRange() throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", PERMIT));
    }

    private boolean permitStands() {
        return h.sim.entries("bulk_1", Family.IP).stream().anyMatch(e -> e.sequence() == 601
                && e.text().startsWith("permit tcp host 10.9.9.9"));
    }

    @Test
    void aPermitForTheSameFlowDoesNotCountAsItsShunt() throws Exception {
        permitInRange();
        h.start();

        ShuntOutcome outcome = h.shunt(Request.of("10.9.9.9", null, "tcp", null, 22));

        assertEquals(ShuntOutcome.installed(Rule.parse("tcp host 10.9.9.9 any eq 22"), 501), outcome);
        assertEquals(List.of("501 deny tcp host 10.9.9.9 any eq ssh"), h.denies("bulk_1", Family.IP));
        assertEquals(List.of("501 deny tcp host 10.9.9.9 any eq ssh"), h.denies("bulk_2", Family.IP));
        assertTrue(permitStands());
    }

    @Test
    void sweepsNeverRemoveOrCountAPermit() throws Exception {
        permitInRange();
        h.start();

        PurgeReport first = h.manager.purge();
        PurgeReport second = h.manager.purge();

        assertEquals(List.of(), first.removed());
        assertEquals(List.of(), second.removed());
        assertEquals(0, second.examined());
        assertEquals(List.of(), h.manager.active());
        assertTrue(permitStands());
    }

    /** A sweep examines the deny lines in the range of every list, not the permit beside them. */
    @Test
    void aSweepExaminesTheDenyLinesOfEveryList() throws Exception {
        permitInRange();
        h.start();
        h.shunt(Request.of("10.9.9.9", null, "tcp", null, 22));
        h.shunt(Request.of("10.9.9.8", null, null, null, null));

        PurgeReport report = h.manager.purge();

        assertEquals(4, report.examined());
        assertTrue(permitStands());
    }

    @Test
    void aPermitsNumberIsNeverHandedOut() throws Exception {
        permitInRange();
        h.start(b -> b.sequenceRange(598, 604));

        ShuntOutcome first = h.shunt("10.0.0.1", null);
        ShuntOutcome second = h.shunt("10.0.0.2", null);
        ShuntOutcome third = h.shunt("10.0.0.3", null);

        assertEquals(599, first.sequence());
        assertEquals(603, second.sequence());
        assertEquals("error: no free sequence number in (598, 604)", WireReply.of(third));
        assertTrue(permitStands());
    }
}
