package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.eos.EosSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.dumbno.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A repeated request is answered {@code ok} only after a read shows its rule on the switch; the
 * reads are shared: one in flight at most, and repeats arriving meanwhile join it.
 */
class ConfirmTest {
    private final Harness h = new Harness();

    private List<CompletableFuture<ShuntOutcome>> ask(int from, int count) {
        List<CompletableFuture<ShuntOutcome>> futures = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            futures.add(h.manager.add(Request.of("10.0.0." + (i + 1), null, null, null, null)));
        }
        return futures;
    }

    private static List<ShuntOutcome.Status> statuses(List<CompletableFuture<ShuntOutcome>> futures) {
        return futures.stream().map(f -> f.getNow(null)).map(o -> o == null ? null : o.status()).toList();
    }

    @Test
    void repeatsWaitingTogetherShareOneRead() throws Exception {
        h.start();
        ask(0, 5);
        h.scheduler.runDue();
        long calls = h.sim.calls();

        List<CompletableFuture<ShuntOutcome>> repeats = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            repeats.addAll(ask(0, 5));
        }
        assertEquals(Collections.nCopies(50, null), statuses(repeats), "nothing answered from memory");
        h.scheduler.runDue();

        assertEquals(Collections.nCopies(50, ShuntOutcome.Status.ALREADY_PRESENT), statuses(repeats));
        assertEquals(calls + 1, h.sim.calls(), "one confirming read for all of them");
    }

    @Test
    void repeatsArrivingWhileAReadIsInFlightJoinIt() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        ask(0, 3);
        h.scheduler.runDue();
        long calls = h.sim.calls();
        List<CompletableFuture<ShuntOutcome>> joined = new ArrayList<>();
        wrapped.during(commands -> commands.get(0).startsWith("show "), () -> joined.addAll(ask(0, 3)));

        List<CompletableFuture<ShuntOutcome>> first = ask(1, 1);
        h.scheduler.runDue();

        assertEquals(List.of(ShuntOutcome.Status.ALREADY_PRESENT), statuses(first));
        assertEquals(Collections.nCopies(3, ShuntOutcome.Status.ALREADY_PRESENT), statuses(joined));
        assertEquals(calls + 1, h.sim.calls(), "the ones that came during the read joined it");
    }

    @Test
    @Timeout(10)
    void aRepeatIsConfirmedWhileAWriteIsInFlight() throws Exception {
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(3);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            WrappedTransport wrapped = new WrappedTransport(h.sim);
            h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)).scheduler(threads));
            h.manager.start();
            assertEquals(ShuntOutcome.Status.INSTALLED, ask(0, 1).get(0).get(5, TimeUnit.SECONDS).status());
            wrapped.during(commands -> commands.stream().anyMatch(c -> c.contains("10.0.0.9")), () -> {
                writing.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<ShuntOutcome> newcomer = ask(8, 1).get(0);
            assertTrue(writing.await(5, TimeUnit.SECONDS), "the write of the newcomer started");

            CompletableFuture<ShuntOutcome> repeat = ask(0, 1).get(0);

            assertTrue(Await.until(repeat::isDone, Duration.ofSeconds(5)), "confirmed while the write hangs");
            assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, repeat.get().status());
            assertFalse(newcomer.isDone(), "the write is still in flight");
            release.countDown();
            assertEquals(ShuntOutcome.Status.INSTALLED, newcomer.get(5, TimeUnit.SECONDS).status());
        } finally {
            release.countDown();
            h.manager.close();
            threads.shutdownNow();
        }
    }

    @Test
    void onOneThreadARepeatWaitsBehindOneWriteNotBehindEveryWriteThatFollows() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        ask(0, 1);
        h.scheduler.runDue();
        AtomicInteger next = new AtomicInteger(9);
        Runnable[] another = new Runnable[1];
        another[0] = () -> {
            if (next.get() < 13) {
                ask(next.getAndIncrement(), 1);
                wrapped.during(commands -> commands.contains("configure"), another[0]);
            }
        };
        wrapped.during(commands -> commands.contains("configure"), another[0]);
        ask(8, 1);
        List<Integer> linesAtReply = new ArrayList<>();
        CompletableFuture<ShuntOutcome> repeat = ask(0, 1).get(0);
        repeat.whenComplete((outcome, failure) -> linesAtReply.add(h.denies("bulk_1", Family.IP).size()));

        h.scheduler.runDue();

        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, repeat.getNow(null).status());
        assertEquals(6, h.denies("bulk_1", Family.IP).size(), "five new rules, each asked for during a write");
        assertEquals(List.of(1), linesAtReply,
                "the lane's last call was a write, so the repeat's read comes first, not after the five writes");
    }

    @Test
    void aReadWhoseRepeatsTheLaneTookCallsOnceForTheNextOnesAndNoOtherReadDoes() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        ask(0, 2);
        h.scheduler.runDue();
        List<CompletableFuture<ShuntOutcome>> second = new ArrayList<>();
        wrapped.during(commands -> commands.get(0).startsWith("show "), () -> {
            second.addAll(ask(1, 1));
            wrapped.during(commands -> commands.contains("configure"), () -> {
                wrapped.during(commands -> commands.get(0).startsWith("show "), h.scheduler::runDue);
                h.scheduler.runDue();
            });
        });
        ask(2, 1);
        List<CompletableFuture<ShuntOutcome>> first = ask(0, 1);
        long calls = h.sim.calls();

        h.scheduler.runDue();

        assertEquals(List.of(ShuntOutcome.Status.ALREADY_PRESENT), statuses(first), "read for by the lane");
        assertEquals(List.of(ShuntOutcome.Status.ALREADY_PRESENT), statuses(second), "read for beside the writes");
        assertEquals(calls + 3, h.sim.calls(), "the lane's read, its write, and one read beside the writes");
    }

    @Test
    void aCopyBeyondTheManagedRangeBehindTheFinalPermitConfirmsNothing() throws Exception {
        h.start();
        ask(0, 1);
        h.scheduler.runDue();
        h.removeByHand("bulk_2", Family.IP, 501);
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_2", "200001 deny ip host 10.0.0.1 any"));
        List<List<String>> atReply = new ArrayList<>();
        CompletableFuture<ShuntOutcome> repeat = ask(0, 1).get(0);
        repeat.whenComplete((outcome, failure) -> atReply.add(h.denies("bulk_2", Family.IP)));

        h.scheduler.runDue();

        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, repeat.getNow(null).status());
        assertEquals(List.of(List.of("501 deny ip host 10.0.0.1 any", "200001 deny ip host 10.0.0.1 any")), atReply,
                "the line behind 100001 permit ip any any filters nothing: written again in the range first");
    }

    @Test
    void aRemovalWhoseAnswerWasLostWhileTheReadWasInFlightConfirmsNothing() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        ask(0, 1);
        h.scheduler.runDue();
        h.manager.purge();
        wrapped.after(commands -> commands.get(0).startsWith("show "), () -> {
            wrapped.loseAnswers(1);
            assertThrows(SwitchException.class, h.manager::purge, "the idle shunt's removal ran, its answer lost");
        });
        List<List<String>> atReply = new ArrayList<>();
        CompletableFuture<ShuntOutcome> repeat = ask(0, 1).get(0);
        repeat.whenComplete((outcome, failure) -> {
            atReply.add(h.denies("bulk_1", Family.IP));
            atReply.add(h.denies("bulk_2", Family.IP));
        });

        h.scheduler.runDue();

        assertEquals("ok", WireReply.of(repeat.getNow(null)));
        List<String> again = List.of("503 deny ip host 10.0.0.1 any");
        assertEquals(List.of(again, again), atReply,
                "the read showed the line before the removal landed; the reply waits for a read after it");
    }

    @Test
    void aReadBesideTheWritesThatCannotBeTakenInLeavesItsRepeatsToTheWriteLane() throws Exception {
        AtomicBoolean lying = new AtomicBoolean();
        h.manager = h.newManager(b -> b.aclSwitch(new AclSwitch() {
            @Override
            public String describe() {
                return h.eos.describe();
            }

            @Override
            public List<AclKey> acls() {
                return h.eos.acls();
            }

            @Override
            public SwitchRead read() throws SwitchException {
                SwitchRead read = h.eos.read();
                if (!lying.compareAndSet(true, false)) {
                    return read;
                }
                Map<AclKey, List<AclEntry>> lists = new HashMap<>(read.acls());
                lists.put(new AclKey("bulk_1", Family.IP), null);
                return new SwitchRead(lists, read.layout());
            }

            @Override
            public List<LayoutProblem> write(List<EntryWrite> writes) throws SwitchException {
                return h.eos.write(writes);
            }

            @Override
            public void remove(List<EntryRef> entries) throws SwitchException {
                h.eos.remove(entries);
            }
        }));
        h.manager.start();
        ask(0, 1);
        h.scheduler.runDue();
        lying.set(true);

        List<CompletableFuture<ShuntOutcome>> repeat = ask(0, 1);
        h.scheduler.runDue();

        assertEquals(List.of(ShuntOutcome.Status.ALREADY_PRESENT), statuses(repeat),
                "a read with a list missing from its answer confirms nothing and loses nothing");
    }

    @Test
    void aRepeatWaitsOutAnOutageAndIsConfirmedWhenTheSwitchAnswers() throws Exception {
        h.start();
        ask(0, 1);
        h.scheduler.runDue();
        h.removeByHand("bulk_2", Family.IP, 501);
        h.sim.outage(Duration.ofSeconds(3));

        List<CompletableFuture<ShuntOutcome>> repeat = ask(0, 1);
        h.scheduler.runDue();
        assertNull(repeat.get(0).getNow(null));
        h.scheduler.advance(Duration.ofSeconds(4));

        assertEquals(List.of(ShuntOutcome.Status.ALREADY_PRESENT), statuses(repeat));
        assertEquals(List.of("501 deny ip host 10.0.0.1 any"), h.denies("bulk_2", Family.IP), "written again");
    }

    @Test
    void closingConfirmsTheRepeatsOfAReadBesideTheWritesStillInFlight() throws Exception {
        h.start();
        ask(0, 1);
        h.scheduler.runDue();
        List<CompletableFuture<ShuntOutcome>> repeat = ask(0, 1);

        h.manager.close();

        assertEquals(List.of(ShuntOutcome.Status.ALREADY_PRESENT), statuses(repeat),
                "close reads the switch for them as it writes what is queued");
    }

    @Test
    void closingRefusesRepeatsStillWaiting() throws Exception {
        h.start();
        ask(0, 1);
        h.scheduler.runDue();
        h.sim.outage(Duration.ofMinutes(1));
        List<CompletableFuture<ShuntOutcome>> repeat = ask(0, 1);
        h.scheduler.runDue();

        h.manager.close();

        assertEquals("error: dumbno is shutting down", WireReply.of(repeat.get(0).getNow(null)));
    }
}
