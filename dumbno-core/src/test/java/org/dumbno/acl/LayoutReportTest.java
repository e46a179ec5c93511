package org.dumbno.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dumbno.acl.LayoutProblem.Kind;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.Test;

/** What a layout report answers, the questions the engine, status and readiness ask of it. */
class LayoutReportTest {
    private static final AclKey IP1 = new AclKey("bulk_1", Family.IP);
    private static final AclKey V6 = new AclKey("bulk_1", Family.IPV6);

    @Test
    void aWholeLayoutHasNoProblems() {
        assertTrue(LayoutReport.OK.ok());
        assertEquals("", LayoutReport.OK.summary());
        assertTrue(LayoutReport.OK.writable(IP1));
        assertTrue(LayoutReport.OK.countersTrusted(IP1));
        assertEquals("layout ok", LayoutReport.OK.toString());
    }

    @Test
    void eachKindAnswersWhetherTheListTakesWritesAndWhetherItsCountsAreTrusted() {
        LayoutReport report = new LayoutReport(List.of(
                new LayoutProblem(IP1, Kind.UNBOUND, "ip access-list bulk_1 is not bound in on Ethernet2"),
                new LayoutProblem(V6, Kind.COUNTERS_STALE, "ipv6 access-list bulk_1 has stale counters"),
                new LayoutProblem(null, Kind.DEFAULT_RESULT,
                        "hardware access-list update default-result permit is not configured")));

        assertFalse(report.ok());
        assertFalse(report.writable(IP1));
        assertTrue(report.countersTrusted(IP1));
        assertTrue(report.writable(V6));
        assertFalse(report.countersTrusted(V6));
        assertFalse(report.missing(IP1));
        assertEquals(2, report.repairable().size());
        assertEquals("ip access-list bulk_1 is not bound in on Ethernet2; ipv6 access-list bulk_1 has stale counters;"
                + " hardware access-list update default-result permit is not configured", report.summary());
    }

    @Test
    void onlyTheDefaultResultSettingConcernsNoList() {
        assertThrows(IllegalArgumentException.class, () -> new LayoutProblem(null, Kind.MISSING, "x"));
    }
}
