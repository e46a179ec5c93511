package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.dumbno.eos.EosSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code when_full = evict}: at {@code max_rules}, the shunt matching the fewest packets per second
 * over the recent sweeps, and standing for at least one purge interval, leaves the switch in the
 * call that installs the new rule; never for a rule that would be refused anyway.
 */
@Timeout(10)
class EvictionTest {
    private final Harness h = new Harness();
    private final List<RemovedShunt> removed = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final LogCapture log = LogCapture.of("dumbno");

    private void start(UnaryOperator<ACLManager.Builder> more) throws Exception {
        h.start(b -> more.apply(b.maxRules(2).whenFull(WhenFull.EVICT).listener(new ShuntListener() {
            @Override
            public void removed(RemovedShunt shunt) {
                removed.add(shunt);
            }
        })));
    }

    /** Two shunts, 10.0.0.1 busy (100 packets/s) and 10.0.0.2 barely moving (1 packet/s), one interval old. */
    private void twoShuntsOneIntervalOld() throws Exception {
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.traffic("Ethernet1", "10.0.0.1", "192.0.2.1", 3000);
        h.traffic("Ethernet1", "10.0.0.2", "192.0.2.1", 30);
        h.scheduler.advance(Harness.INTERVAL);
    }

    private List<String> evictionLines() {
        return log.messages().stream().filter(m -> m.endsWith("reason=evicted")).toList();
    }

    @Test
    void theLeastActiveLeavesInTheCallThatInstallsTheNewcomer() throws Exception {
        start(b -> b);
        twoShuntsOneIntervalOld();
        long calls = h.sim.calls();
        List<List<String>> atReply = new ArrayList<>();

        CompletableFuture<ShuntOutcome> asked = h.manager.add(Request.of("10.0.0.3", null, null, null, null));
        asked.thenRun(() -> atReply.add(h.denies("bulk_1", Family.IP)));
        h.scheduler.runDue();

        assertEquals(ShuntOutcome.Status.INSTALLED, asked.getNow(null).status());
        assertEquals(List.of(List.of("501 deny ip host 10.0.0.1 any", "505 deny ip host 10.0.0.3 any")), atReply);
        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "505 deny ip host 10.0.0.3 any"),
                h.denies("bulk_2", Family.IP));
        assertEquals(calls + 1, h.sim.calls(), "the removal and the install are one switch call");
        assertEquals(1, removed.size());
        assertEquals(RemovalReason.EVICTED, removed.get(0).reason());
        assertEquals(503, removed.get(0).sequence());
        assertEquals(30, removed.get(0).packets());
        assertEquals(2, evictionLines().size(), evictionLines().toString());
        assertTrue(evictionLines().get(0).startsWith("op=REMOVE acl=bulk_1 family=ip seq=503 rule=\"ip host 10.0.0.2"
                + " any\" matches=30 ago=0:00:30"), evictionLines().toString());
        assertEquals(2, h.manager.active().size());
    }

    @Test
    void aShuntYoungerThanOnePurgeIntervalNeverGoes() throws Exception {
        start(b -> b);
        h.shunt("10.0.0.1", null);
        h.traffic("Ethernet1", "10.0.0.1", "192.0.2.1", 3000);
        h.scheduler.advance(Harness.INTERVAL.minusSeconds(10));
        h.shunt("10.0.0.2", null);
        h.scheduler.advance(Duration.ofSeconds(10));

        ShuntOutcome first = h.shunt("10.0.0.3", null);
        h.scheduler.advance(Duration.ofSeconds(19));
        long calls = h.sim.calls();
        ShuntOutcome second = h.shunt("10.0.0.4", null);

        assertEquals(ShuntOutcome.Status.INSTALLED, first.status());
        assertEquals(List.of(501L), removed.stream().map(RemovedShunt::sequence).toList(),
                "the busy shunt went: the idle one was 10 s old");
        assertEquals(ShuntOutcome.Status.REFUSED, second.status());
        assertEquals("at capacity (2 active shunts)", second.reason(), "503 is 29 s old, 505 19 s");
        assertEquals(calls, h.sim.calls(), "refused without a switch call");
        assertEquals(List.of("503 deny ip host 10.0.0.2 any", "505 deny ip host 10.0.0.3 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void noShuntGoesForARuleThatWouldBeRefusedAnyway() throws Exception {
        start(b -> b.sequenceRange(500, 504)
                .requestFilter(request -> request.toRule().text().contains("10.6.6.6")
                        ? Optional.of("10.6.6.6 is never shunted") : Optional.empty()));
        twoShuntsOneIntervalOld();

        List<ShuntOutcome> outcomes = List.of(
                h.shunt("10.6.6.6", null),
                h.shunt("10.0.0.1", null),
                h.shunt("10.0.0.2", null),
                h.shunt("10.0.0.4", null));

        assertEquals(List.of("REFUSED 10.6.6.6 is never shunted", "ALREADY_PRESENT ", "ALREADY_PRESENT ", "REFUSED no free sequence number in (500, 504)"),
                outcomes.stream().map(o -> o.status() + " " + o.reason()).toList());
        assertEquals(List.of(), removed);
        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.2 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void aShuntAskedForAgainIsNotEvictedWithinAPurgeInterval() throws Exception {
        start(b -> b);
        twoShuntsOneIntervalOld();

        CompletableFuture<ShuntOutcome> again = h.manager.add(Request.of("10.0.0.2", null, null, null, null));
        CompletableFuture<ShuntOutcome> newcomer = h.manager.add(Request.of("10.0.0.3", null, null, null, null));
        h.scheduler.runDue();

        assertEquals(ShuntOutcome.Status.INSTALLED, newcomer.getNow(null).status());
        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, again.getNow(null).status());
        assertEquals(List.of(501L), removed.stream().map(RemovedShunt::sequence).toList(),
                "the barely moving 10.0.0.2 is asked for: the other one goes");
        assertEquals(List.of("503 deny ip host 10.0.0.2 any", "505 deny ip host 10.0.0.3 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void withEveryShuntAskedForAgainThereIsNoRoom() throws Exception {
        start(b -> b);
        twoShuntsOneIntervalOld();
        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, h.shunt("10.0.0.1", null).status());
        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, h.shunt("10.0.0.2", null).status());

        ShuntOutcome newcomer = h.shunt("10.0.0.3", null);

        assertEquals("REFUSED at capacity (2 active shunts)", newcomer.status() + " " + newcomer.reason());
        assertEquals(List.of(), removed);
        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.2 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void aShuntAskedForAgainMayGoOncePurgeIntervalHasPassedSince() throws Exception {
        start(b -> b);
        twoShuntsOneIntervalOld();
        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, h.shunt("10.0.0.2", null).status());
        h.traffic("Ethernet1", "10.0.0.1", "192.0.2.1", 3000);
        h.traffic("Ethernet1", "10.0.0.2", "192.0.2.1", 30);
        h.scheduler.advance(Harness.INTERVAL);

        assertEquals(ShuntOutcome.Status.INSTALLED, h.shunt("10.0.0.3", null).status());

        assertEquals(List.of("503 EVICTED"), removed.stream().map(r -> r.sequence() + " " + r.reason()).toList(),
                "asked for a purge interval ago and still barely moving: it goes");
    }

    @Test
    void anOutageDuringTheEvictingCallKeepsTheShuntUntilTheCallGoesThrough() throws Exception {
        start(b -> b);
        twoShuntsOneIntervalOld();
        h.sim.outage(Duration.ofSeconds(5));

        CompletableFuture<ShuntOutcome> asked = h.manager.add(Request.of("10.0.0.3", null, null, null, null));
        h.scheduler.runDue();
        assertEquals(null, asked.getNow(null), "waits for the switch");
        assertEquals(2, h.manager.active().size(), "nothing was evicted");
        h.scheduler.advance(Duration.ofSeconds(8));

        ShuntOutcome outcome = asked.getNow(null);
        assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status());
        assertEquals(List.of("503 EVICTED"), removed.stream().map(r -> r.sequence() + " " + r.reason()).toList());
        assertEquals(List.of("501 deny ip host 10.0.0.1 any", outcome.sequence() + " deny ip host 10.0.0.3 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void anEvictionWhoseAnswerWasLostIsReadBackAsAnEviction() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        start(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        twoShuntsOneIntervalOld();
        wrapped.loseAnswers(1);

        CompletableFuture<ShuntOutcome> asked = h.manager.add(Request.of("10.0.0.3", null, null, null, null));
        h.scheduler.runDue();
        assertEquals(null, asked.getNow(null), "the answer was lost");
        h.scheduler.advance(Duration.ofSeconds(1));

        assertEquals(ShuntOutcome.Status.INSTALLED, asked.getNow(null).status());
        assertEquals(List.of("503 EVICTED"), removed.stream().map(r -> r.sequence() + " " + r.reason()).toList());
        assertEquals(2, evictionLines().size(), evictionLines().toString());
        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "505 deny ip host 10.0.0.3 any"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void refuseIsTheDefault() throws Exception {
        h.start(b -> b.maxRules(2));
        twoShuntsOneIntervalOld();

        assertEquals("at capacity (2 active shunts)", h.shunt("10.0.0.3", null).reason());
        assertEquals(2, h.manager.active().size());
    }

    @Test
    void aSighupTurnsEvictionOnAndOff() throws Exception {
        h.start(b -> b.maxRules(2));
        twoShuntsOneIntervalOld();

        h.manager.reconfigure(Harness.INTERVAL, Duration.ZERO, 2, WhenFull.EVICT);
        ShuntOutcome evicting = h.shunt("10.0.0.3", null);
        h.manager.reconfigure(Harness.INTERVAL, Duration.ZERO, 2, WhenFull.REFUSE);
        ShuntOutcome refusing = h.shunt("10.0.0.4", null);

        assertEquals(ShuntOutcome.Status.INSTALLED, evicting.status());
        assertEquals("at capacity (2 active shunts)", refusing.reason());
    }

    @Test
    void severalNewcomersInOneBatchEachTakeTheNextLeastActive() throws Exception {
        start(b -> b.maxRules(3));
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.shunt("10.0.0.5", null);
        h.traffic("Ethernet1", "10.0.0.1", "192.0.2.1", 3000);
        h.traffic("Ethernet1", "10.0.0.2", "192.0.2.1", 30);
        h.traffic("Ethernet1", "10.0.0.5", "192.0.2.1", 300);
        h.scheduler.advance(Harness.INTERVAL);

        CompletableFuture<ShuntOutcome> third = h.manager.add(Request.of("10.0.0.3", null, null, null, null));
        CompletableFuture<ShuntOutcome> fourth = h.manager.add(Request.of("10.0.0.4", null, null, null, null));
        h.scheduler.runDue();

        assertEquals(ShuntOutcome.Status.INSTALLED, third.getNow(null).status());
        assertEquals(ShuntOutcome.Status.INSTALLED, fourth.getNow(null).status());
        assertEquals(List.of(503L, 505L), removed.stream().map(RemovedShunt::sequence).sorted().toList());
        assertEquals(3, h.manager.active().size());
    }
}
