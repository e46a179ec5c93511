package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Refused lines, an unreachable switch, lost answers and bad credentials. */
@Timeout(10)
class FailureTest {
    private final Harness h = new Harness();

    private static Request host(String src) {
        return Request.of(src, null, null, null, null);
    }

    @Test
    void aRefusedLineRefusesItsRequestAndTheRestIsWritten() throws Exception {
        h.start();
        h.sim.failCommands(c -> c.contains("10.0.0.2"), 1);
        long calls = h.sim.calls();

        CompletableFuture<ShuntOutcome> a = h.manager.add(host("10.0.0.1"));
        CompletableFuture<ShuntOutcome> b = h.manager.add(host("10.0.0.2"));
        CompletableFuture<ShuntOutcome> c = h.manager.add(host("10.0.0.3"));
        h.scheduler.runDue();

        assertEquals("error: Invalid input (simulated failure)", WireReply.of(b.getNow(null)));
        assertEquals(501, a.getNow(null).sequence());
        assertTrue(c.getNow(null).ok());
        long third = c.getNow(null).sequence();
        List<String> expected = List.of("501 deny ip host 10.0.0.1 any", third + " deny ip host 10.0.0.3 any");
        assertEquals(expected, h.denies("bulk_1", Family.IP));
        assertEquals(expected, h.denies("bulk_2", Family.IP));
        assertEquals(calls + 3, h.sim.calls(), "write, read, write of the rest");
    }

    @Test
    void requestsWaitOutAnOutageAndAreWrittenAfterIt() throws Exception {
        h.start();
        h.sim.outage(Duration.ofSeconds(10));

        CompletableFuture<ShuntOutcome> waiting = h.manager.add(host("10.0.0.1"));
        h.scheduler.runDue();
        assertNull(waiting.getNow(null));
        h.scheduler.advance(Duration.ofSeconds(20));

        ShuntOutcome outcome = waiting.getNow(null);
        assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status());
        assertEquals(List.of(outcome.sequence() + " deny ip host 10.0.0.1 any"), h.denies("bulk_1", Family.IP));
        assertEquals(List.of(outcome.sequence() + " deny ip host 10.0.0.1 any"), h.denies("bulk_2", Family.IP));
    }

    @Test
    void aSweepThatCannotReachTheSwitchStartsTheOutageAndOneThatCanEndsIt() throws Exception {
        h.start();
        h.sim.outage(Duration.ofSeconds(30));

        assertThrows(SwitchException.class, h.manager::purge);
        assertEquals(Optional.of(h.clock.instant()), h.manager.unreachableSince(),
                "an idle dumbno learns of the outage from its sweep, not only from a request");

        h.clock.advance(Duration.ofSeconds(31));
        h.manager.purge();
        assertEquals(Optional.empty(), h.manager.unreachableSince());
    }

    @Test
    void retriesBackOffExponentially() throws Exception {
        h.start();
        h.sim.outage(Duration.ofSeconds(100));
        h.manager.add(host("10.0.0.1"));
        h.scheduler.runDue();
        long before = h.sim.calls();

        h.scheduler.advance(Duration.ofSeconds(1 + 2 + 4 + 8 + 8));

        assertEquals(before + 5, h.sim.calls(), "retries after 1, 2, 4, 8 and 8 s");
    }

    @Test
    void aWriteWhoseAnswerWasLostIsReadBackNotWrittenTwice() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        wrapped.loseAnswers(1);

        CompletableFuture<ShuntOutcome> outcome = h.manager.add(host("10.0.0.1"));
        h.scheduler.runDue();
        assertNull(outcome.getNow(null));
        h.scheduler.advance(Duration.ofSeconds(1));

        assertEquals(ShuntOutcome.Status.INSTALLED, outcome.getNow(null).status());
        assertEquals(501, outcome.getNow(null).sequence());
        assertEquals(List.of("501 deny ip host 10.0.0.1 any"), h.denies("bulk_1", Family.IP));
        assertEquals(503, h.shunt("10.0.0.2", null).sequence(), "501 stays taken");
    }

    @Test
    void requestsOlderThanTheMaximumAgeAreRefused() throws Exception {
        h.start(b -> b.maxRequestAge(Duration.ofMinutes(1)));
        h.sim.outage(Duration.ofMinutes(10));

        CompletableFuture<ShuntOutcome> outcome = h.manager.add(host("10.0.0.1"));
        h.scheduler.runDue();
        h.scheduler.advance(Duration.ofMinutes(2));

        assertEquals("error: switch unreachable since 2026-01-01T00:00:00Z", WireReply.of(outcome.getNow(null)));
        h.scheduler.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }

    @Test
    void beyondTheQueueLimitRequestsAreRefused() throws Exception {
        h.start(b -> b.queueLimit(2));
        h.sim.outage(Duration.ofMinutes(1));
        h.manager.add(host("10.0.0.1"));
        h.manager.add(host("10.0.0.2"));

        ShuntOutcome third = h.shunt("10.0.0.3", null);

        assertEquals("error: queue full (2 requests waiting)", WireReply.of(third));
    }

    @Test
    void refusedCredentialsRefuseTheRequest() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        wrapped.badCredentials(true);

        ShuntOutcome outcome = h.shunt("10.0.0.1", null);

        assertEquals("error: switch refused dumbno's credentials (dumbno-sim (simulated))", WireReply.of(outcome));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }

    @Test
    void aFailingListenerDoesNotStopTheEngine() throws Exception {
        h.start();
        h.manager.addListener(new ShuntListener() {
            @Override
            public void installed(org.dumbno.rule.Rule rule, long sequence) {
                throw new IllegalStateException("listener bug");
            }
        });

        assertEquals("ok", WireReply.of(h.shunt("10.0.0.1", null)));
        assertEquals("ok", WireReply.of(h.shunt("10.0.0.2", null)));
    }

    @Test
    void closeWritesWhatIsQueuedThenRefusesNewRequests() throws Exception {
        h.start();
        CompletableFuture<ShuntOutcome> queued = h.manager.add(host("10.0.0.1"));

        h.manager.close();
        h.manager.close();

        assertTrue(queued.getNow(null).ok());
        assertEquals("error: dumbno is shutting down", WireReply.of(h.shunt("10.0.0.2", null)));
        assertEquals(List.of("501 deny ip host 10.0.0.1 any"), h.denies("bulk_1", Family.IP));
        h.scheduler.advance(Harness.INTERVAL.multipliedBy(3));
        assertEquals(1, h.denies("bulk_1", Family.IP).size(), "no sweep after close");
    }

    @Test
    void closeDuringAnOutageRefusesWhatWaits() throws Exception {
        h.start();
        h.sim.outage(Duration.ofMinutes(1));
        CompletableFuture<ShuntOutcome> waiting = h.manager.add(host("10.0.0.1"));
        h.scheduler.runDue();

        h.manager.close();

        assertEquals("error: dumbno is shutting down", WireReply.of(waiting.getNow(null)));
    }

    @Test
    void closeWhileStartReadsTheSwitchLeavesNothingScheduled() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        CompletableFuture<ShuntOutcome> early = h.manager.add(host("10.0.0.1"));
        wrapped.during(commands -> !commands.contains("configure"), h.manager::close);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, h.manager::start);

        assertEquals("closed", thrown.getMessage());
        assertEquals(0, h.scheduler.pending(), "a purge loop or a write left scheduled");
        assertEquals("error: dumbno is shutting down", WireReply.of(early.getNow(null)));
        h.scheduler.advance(Harness.INTERVAL.multipliedBy(3));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }
}
