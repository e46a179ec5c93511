package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sweeps remove what stopped moving, and only that. */
@Timeout(10)
class ExpiryTest {
    private final Harness h = new Harness();

    @Test
    void anEntryLivesAtLeastOneIntervalThenGoesWhenIdle() throws Exception {
        h.start();
        h.shunt("10.0.0.1", null);

        PurgeReport first = h.manager.purge();
        h.clock.advance(Harness.INTERVAL);
        PurgeReport second = h.manager.purge();

        assertEquals(List.of(), first.removed());
        assertEquals(2, second.removed().size());
        assertTrue(second.removed().stream().allMatch(r -> r.reason() == RemovalReason.IDLE));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
        assertEquals(List.of(), h.manager.active());
    }

    @Test
    void trafficKeepsAnEntryAndOnlyTheIdleListLosesIt() throws Exception {
        h.start();
        h.shunt("10.0.0.1", "10.0.0.2");
        h.manager.purge();

        h.traffic("Ethernet3", "10.0.0.1", "10.0.0.2", 10);
        PurgeReport report = h.manager.purge();

        assertEquals(1, report.removed().size());
        assertEquals("bulk_1", report.removed().get(0).acl().name());
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
        assertEquals(List.of("501 deny ip host 10.0.0.1 host 10.0.0.2"), h.denies("bulk_2", Family.IP));
        assertEquals(1, h.manager.active().size());
    }

    @Test
    void aShuntIsGoneAndItsNumberFreeOnlyWhenNoListHasIt() throws Exception {
        h.start(b -> b.sequenceRange(500, 502));
        h.shunt("10.0.0.1", "10.0.0.2");
        h.manager.purge();
        h.traffic("Ethernet3", "10.0.0.1", "10.0.0.2", 10);
        h.manager.purge();

        assertEquals("error: no free sequence number in (500, 502)", WireReply.of(h.shunt("10.0.0.9", null)));
        h.manager.purge();

        assertEquals(ShuntOutcome.installed(Rule.parse("ip host 10.0.0.9 any"), 501), h.shunt("10.0.0.9", null));
    }

    @Test
    void steadyTrafficKeepsAnEntrySweepAfterSweep() throws Exception {
        h.start();
        h.shunt("10.0.0.1", "10.0.0.2");
        for (int sweep = 0; sweep < 5; sweep++) {
            h.traffic("Ethernet1", "10.0.0.1", "10.0.0.2", 3);
            h.traffic("Ethernet3", "10.0.0.1", "10.0.0.2", 3);
            assertEquals(List.of(), h.manager.purge().removed());
        }
        assertEquals(15, h.manager.active().get(0).packetCounts().values().iterator().next());
    }

    @Test
    void aCounterThatWentDownCountsAsChange() throws Exception {
        h.start();
        h.shunt("10.0.0.1", "10.0.0.2");
        h.traffic("Ethernet1", "10.0.0.1", "10.0.0.2", 50);
        h.traffic("Ethernet3", "10.0.0.1", "10.0.0.2", 50);
        h.manager.purge();

        h.sim.runCmds(List.of("enable", "clear ip access-lists counters"));
        PurgeReport afterClear = h.manager.purge();
        PurgeReport later = h.manager.purge();

        assertEquals(List.of(), afterClear.removed());
        assertEquals(2, later.removed().size());
    }

    @Test
    void hardTimeoutRemovesBusyEntries() throws Exception {
        h.start(b -> b.hardTimeout(Duration.ofMinutes(2)));
        h.shunt("10.0.0.1", "10.0.0.2");
        h.manager.purge();

        h.clock.advance(Duration.ofMinutes(2));
        h.traffic("Ethernet1", "10.0.0.1", "10.0.0.2", 5);
        h.traffic("Ethernet3", "10.0.0.1", "10.0.0.2", 5);
        PurgeReport report = h.manager.purge();

        assertEquals(2, report.removed().size());
        assertTrue(report.removed().stream().allMatch(r -> r.reason() == RemovalReason.HARD_TIMEOUT));
        assertEquals(Duration.ofMinutes(2), report.removed().get(0).age());
        assertEquals(5, report.removed().get(0).matches());
        assertEquals(List.of(), h.denies("bulk_2", Family.IP));
    }

    @Test
    void entriesOutsideTheRangeAndThePermitsAreNeverTouched() throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "400 deny ip host 10.9.9.9 any",
                "500 deny ip host 10.9.9.8 any", "100000 deny ip host 10.9.9.7 any"));
        h.start();
        h.manager.purge();
        h.clock.advance(Harness.INTERVAL);

        PurgeReport report = h.manager.purge();

        assertEquals(List.of(), report.removed());
        assertEquals(3, h.denies("bulk_1", Family.IP).size());
        assertEquals(4, h.sim.entries("bulk_1", Family.IP).stream().filter(e -> e.text().startsWith("permit")).count());
    }

    @Test
    void anIdleEntryFoundAtStartGoesAfterOneFullInterval() throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "601 deny ip host 10.9.9.9 any"));
        h.start();

        assertEquals(List.of(), h.manager.purge().removed());
        PurgeReport second = h.manager.purge();

        assertEquals(1, second.removed().size());
        assertEquals(601, second.removed().get(0).sequence());
    }

    @Test
    void theLoopSweepsEveryInterval() throws Exception {
        h.start();
        h.shunt("10.0.0.1", null);

        h.scheduler.advance(Harness.INTERVAL);
        assertEquals(1, h.manager.active().size());
        h.scheduler.advance(Harness.INTERVAL);

        assertEquals(List.of(), h.manager.active());
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }

    @Test
    void theLoopSurvivesAnUnreachableSwitch() throws Exception {
        h.start();
        h.shunt("10.0.0.1", null);
        h.sim.failNextCalls(2);

        h.scheduler.advance(Harness.INTERVAL.multipliedBy(2));
        assertEquals(1, h.manager.active().size());
        h.scheduler.advance(Harness.INTERVAL.multipliedBy(2));

        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }

    @Test
    void aShuntRemovedByHandEverywhereIsReportedSo() throws Exception {
        h.start();
        List<RemovalReason> reasons = new ArrayList<>();
        h.manager.addListener(new ShuntListener() {
            @Override
            public void removed(Rule rule, long sequence, RemovalReason reason) {
                reasons.add(reason);
            }
        });
        h.shunt("10.0.0.1", null);
        h.removeByHand("bulk_1", Family.IP, 501);
        h.removeByHand("bulk_2", Family.IP, 501);

        PurgeReport report = h.manager.purge();

        assertEquals(1, report.vanished());
        assertEquals(List.of(RemovalReason.BY_HAND), reasons);
        assertEquals(List.of(), h.manager.active());
    }

    @Test
    void anIdleShuntIsReportedRemovedOnceWithItsReason() throws Exception {
        h.start();
        List<String> heard = new ArrayList<>();
        h.manager.addListener(new ShuntListener() {
            @Override
            public void removed(Rule rule, long sequence, RemovalReason reason) {
                heard.add(sequence + " " + reason);
            }
        });
        h.shunt("10.0.0.1", null);
        h.manager.purge();

        h.manager.purge();

        assertEquals(List.of("501 IDLE"), heard);
    }
}
