package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dumbno.acl.SwitchException;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.rule.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every request goes to every switch; {@code ok} only when every switch holds the rule. */
@Timeout(10)
class EverySwitchTest {
    private static final Request FLOW = Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443);
    private static final String RULE = "tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq https";

    @Test
    void aRequestIsPlacedOnEverySwitchUnderEachOnesNumbers() {
        Fleet fleet = new Fleet("a", "b", "c").start();

        assertEquals("ok", Fleet.reply(fleet.add(FLOW)));
        assertEquals("ok", Fleet.reply(fleet.add(Request.of("10.9.9.9", null, null, null, null))));

        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("501 " + RULE, "503 ip host 10.9.9.9 any"), fleet.denies(i), "switch " + i);
        }
    }

    /**
     * The combined reply is completed on the gathering's own thread, so what waits on it (the UDP
     * server sending the datagram) runs there, not on the write lane of the switch that answered
     * last, the slowest for that request.
     */
    @Test
    void theReplyIsCompletedOnTheGatheringsThreadNotAnEngines() throws Exception {
        Harness a = new Harness();
        Harness b = new Harness();
        ScheduledExecutorService engines = Executors.newScheduledThreadPool(3, DaemonThreads.named("engine"));
        EverySwitch every = null;
        try {
            a.start(x -> x.scheduler(engines));
            b.start(x -> x.scheduler(engines));
            b.sim.latency(Duration.ofMillis(50));
            every = EverySwitch.of(List.of(new EverySwitch.Member("a", a.manager), new EverySwitch.Member("b", b.manager)));

            CompletableFuture<String> answeredOn = every.add(FLOW).thenApply(outcome -> Thread.currentThread().getName());

            String thread = answeredOn.get(5, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("dumbno-every-switch-"), thread);
        } finally {
            if (every != null) {
                every.close();
            }
            a.manager.close();
            b.manager.close();
            engines.shutdownNow();
        }
    }

    /**
     * A reply that became due while the engines closed (each wrote what it had queued and answered)
     * is given by the time {@link EverySwitch#close()} returns, even when the scheduler it was handed
     * to (given, not owned) never runs it: its owner ends it after closing, as with any scheduler of
     * its own.
     */
    @Test
    void aReplyDueAtCloseIsGivenThoughTheGivenSchedulerNeverRunsIt() throws Exception {
        Fleet fleet = new Fleet("a", "b").start();
        ScheduledExecutorService given = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("given"));
        CountDownLatch busy = new CountDownLatch(1);
        try {
            given.execute(() -> {
                try {
                    busy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            EverySwitch every = EverySwitch.of(fleet.every.members(), given, Duration.ofSeconds(1));
            CompletableFuture<ShuntOutcome> reply = every.add(FLOW);
            assertNull(Fleet.reply(reply), "queued on both engines");

            fleet.managers.forEach(ACLManager::close);
            every.close();
            given.shutdownNow();

            assertEquals("ok", Fleet.reply(reply));
            assertEquals(List.of("501 " + RULE), fleet.denies(0));
            assertEquals(List.of("501 " + RULE), fleet.denies(1));
        } finally {
            busy.countDown();
            given.shutdownNow();
        }
    }

    @Test
    void oneSwitchDownTheOthersKeepWorkingAndTheReplyNamesIt() {
        Fleet fleet = new Fleet("a", "b", "c").start();
        fleet.sims.get(1).outage(Duration.ofSeconds(20));

        CompletableFuture<ShuntOutcome> first = fleet.add(FLOW);
        assertNull(Fleet.reply(first), "b's write failed; the watch has not looked yet");
        assertEquals(List.of("501 " + RULE), fleet.denies(0), "a wrote at once");
        assertEquals(List.of("501 " + RULE), fleet.denies(2), "c wrote at once");
        fleet.scheduler.advance(Fleet.WATCH);
        assertEquals("error: b: unreachable, queued there", Fleet.reply(first));

        CompletableFuture<ShuntOutcome> second = fleet.add(Request.of("10.9.9.9", null, null, null, null));
        assertEquals("error: b: unreachable, queued there", Fleet.reply(second), "answered as a and c are done");
        assertEquals(List.of("501 " + RULE, "503 ip host 10.9.9.9 any"), fleet.denies(2));
        assertEquals(List.of(), fleet.denies(1));

        fleet.scheduler.advance(Duration.ofSeconds(19));
        assertEquals(List.of(), fleet.denies(1));
        fleet.scheduler.advance(Duration.ofSeconds(4));

        assertEquals(List.of("503 " + RULE, "505 ip host 10.9.9.9 any"), fleet.denies(1),
                "the queued installs landed when b came back (501 went to the write that failed)");
        assertEquals("ok", Fleet.reply(fleet.add(FLOW)), "every switch holds it now");
    }

    @Test
    void switchesAwayAreNamedTogether() {
        Fleet fleet = new Fleet("a", "b", "c").start();
        fleet.sims.get(0).outage(Duration.ofSeconds(20));
        fleet.sims.get(2).outage(Duration.ofSeconds(20));

        CompletableFuture<ShuntOutcome> reply = fleet.add(FLOW);
        fleet.scheduler.advance(Fleet.WATCH);

        assertEquals("error: a, c: unreachable, queued there", Fleet.reply(reply));
        assertEquals(List.of("501 " + RULE), fleet.denies(1));
    }

    @Test
    void aSwitchDownAtStartIsNamedAndGetsTheRuleWhenItIsReached() throws SwitchException {
        Fleet fleet = new Fleet("a", "b");
        fleet.sims.get(1).outage(Duration.ofSeconds(5));
        fleet.start();

        assertEquals("error: b: unreachable, queued there", Fleet.reply(fleet.add(FLOW)));

        fleet.scheduler.advance(Duration.ofSeconds(5));
        fleet.managers.get(1).start();
        fleet.scheduler.runDue();

        assertEquals(List.of("501 " + RULE), fleet.denies(1));
    }

    @Test
    void aRefusalOnOneSwitchIsNamedWithItsReason() {
        Fleet fleet = new Fleet("a", "b").start();
        fleet.sims.get(1).failCommands(command -> command.contains(" deny "), 1);

        String reply = Fleet.reply(fleet.add(FLOW));

        assertEquals("error: b: ", reply.substring(0, 10));
        assertEquals(reply.substring(0, 7) + reply.substring(10), Fleet.reply(fleetOfOneRefused()),
                "b's reason, as b alone would give it");
        assertEquals(List.of("501 " + RULE), fleet.denies(0), "a holds it; it expires there when idle");
    }

    private static CompletableFuture<ShuntOutcome> fleetOfOneRefused() {
        Fleet alone = new Fleet("b").start();
        alone.sims.get(0).failCommands(command -> command.contains(" deny "), 1);
        return alone.add(FLOW);
    }

    @Test
    void aRefusalEverySwitchGivesIsTheReplyOfOne() {
        Fleet fleet = new Fleet("a", "b").start(b -> b.requestFilter(r -> Optional.of("10.1.2.3 is never shunted")));

        assertEquals("error: 10.1.2.3 is never shunted", Fleet.reply(fleet.add(FLOW)));
    }

    @Test
    void aRepeatOkOnOneSwitchIsWrittenWhereItIsMissing() throws SwitchException {
        Fleet fleet = new Fleet("a", "b").start();
        assertEquals("ok", Fleet.reply(fleet.add(FLOW)));
        fleet.sims.get(1).runCmds(List.of("enable", "configure", "ip access-list " + Fleet.acl(1), "no 501"));
        long aCalls = fleet.sims.get(0).calls();

        assertEquals("ok", Fleet.reply(fleet.add(FLOW)));

        assertEquals(List.of("503 " + RULE), fleet.denies(1), "written again on b, under a number not used before");
        assertEquals(List.of("501 " + RULE), fleet.denies(0));
        assertEquals(1, fleet.sims.get(0).calls() - aCalls, "a confirmed it with one read");
    }

    @Test
    void eachSwitchKeepsTheNumbersInUseOnItAfterARestart() throws SwitchException {
        Fleet fleet = new Fleet("a", "b");
        fleet.writeByHand(0, 501, "ip host 10.0.0.1 any");
        fleet.writeByHand(1, 501, "ip host 10.0.0.2 any");
        fleet.writeByHand(1, 503, "ip host 10.0.0.3 any");
        fleet.writeByHand(1, 505, "ip host 10.0.0.1 any");
        fleet.start();

        assertEquals("ok", Fleet.reply(fleet.add(FLOW)));
        assertEquals("ok", Fleet.reply(fleet.add(Request.of("10.0.0.1", null, null, null, null))));

        assertEquals(List.of("501 ip host 10.0.0.1 any", "503 " + RULE), fleet.denies(0));
        assertEquals(List.of("501 ip host 10.0.0.2 any", "503 ip host 10.0.0.3 any", "505 ip host 10.0.0.1 any",
                "507 " + RULE), fleet.denies(1));
    }

    @Test
    void driftOnOneSwitchIsRepairedThereOnly() throws SwitchException {
        Fleet fleet = new Fleet("a", "b").start();
        List<String> repaired = new ArrayList<>();
        List<String> repairedOnA = new ArrayList<>();
        fleet.managers.get(1).addListener(new ShuntListener() {
            @Override
            public void layoutRepaired(String change) {
                repaired.add(change);
            }
        });
        fleet.managers.get(0).addListener(new ShuntListener() {
            @Override
            public void layoutRepaired(String change) {
                repairedOnA.add(change);
            }
        });
        assertEquals("ok", Fleet.reply(fleet.add(FLOW)));
        fleet.sims.get(1).runCmds(List.of("enable", "configure", "interface Ethernet1",
                "no ip access-group " + Fleet.acl(1) + " in"));
        long aCalls = fleet.sims.get(0).calls();

        fleet.scheduler.advance(Fleet.INTERVAL);

        assertEquals(List.of("bound ip access-group acl_1 in on Ethernet1"), repaired);
        assertEquals(List.of(), repairedOnA);
        assertEquals("acl_1", fleet.sims.get(1).boundAcls("Ethernet1").get(org.dumbno.rule.Family.IP));
        assertEquals(List.of("501 " + RULE), fleet.denies(0));
        assertEquals(List.of("501 " + RULE), fleet.denies(1));
        assertEquals(0, fleet.managers.get(0).layout().get().problems().size());
        assertEquals(1, fleet.sims.get(0).calls() - aCalls, "a's sweep: one read, nothing written");
    }

    @Test
    void aListenerHearsARemovalOnceTheShuntLeftEverySwitch() {
        Fleet fleet = new Fleet("a", "b").start();
        List<String> removed = new ArrayList<>();
        fleet.every.addListener(new ShuntListener() {
            @Override
            public void removed(RemovedShunt shunt) {
                removed.add(shunt.rule().text() + " " + shunt.reason());
            }
        });
        assertEquals("ok", Fleet.reply(fleet.add(Request.of("10.9.9.9", null, null, null, null))));

        for (int sweep = 0; sweep < 3; sweep++) {
            fleet.sims.get(0).send("Ethernet1", org.dumbno.rule.Flow.of(org.dumbno.rule.Protocol.UDP, "10.9.9.9", 1000,
                    "192.0.2.1", 2000), 10, 1000);
            fleet.scheduler.advance(Fleet.INTERVAL);
        }
        assertEquals(List.of(), fleet.denies(1), "idle on b: gone there");
        assertEquals(List.of("501 ip host 10.9.9.9 any"), fleet.denies(0), "busy on a");
        assertEquals(List.of(), removed, "still on a: not heard");

        fleet.scheduler.advance(Fleet.INTERVAL);

        assertEquals(List.of(), fleet.denies(0));
        assertEquals(List.of("ip host 10.9.9.9 any IDLE"), removed);
    }

    @Test
    void removeTakesTheRuleOffEverySwitch() {
        Fleet fleet = new Fleet("a", "b").start();
        assertEquals("ok", Fleet.reply(fleet.add(FLOW)));

        CompletableFuture<ShuntOutcome> removed = fleet.every.remove(FLOW);
        fleet.scheduler.runDue();
        CompletableFuture<ShuntOutcome> again = fleet.every.remove(FLOW);
        fleet.scheduler.runDue();

        assertEquals(ShuntOutcome.Status.REMOVED, removed.getNow(null).status());
        assertEquals(ShuntOutcome.Status.NOT_PRESENT, again.getNow(null).status());
        assertEquals(List.of(), fleet.denies(0));
        assertEquals(List.of(), fleet.denies(1));
    }

    @Test
    void removeNamesASwitchItCannotReach() {
        Fleet fleet = new Fleet("a", "b").start();
        assertEquals("ok", Fleet.reply(fleet.add(FLOW)));
        fleet.sims.get(0).outage(Duration.ofSeconds(20));

        CompletableFuture<ShuntOutcome> removed = fleet.every.remove(FLOW);
        fleet.scheduler.runDue();

        assertEquals("error: a: switch unreachable (", Fleet.reply(removed).substring(0, 30));
        assertEquals(List.of(), fleet.denies(1));
        assertEquals(List.of("501 " + RULE), fleet.denies(0));
    }

    @Test
    void oneSwitchPassesStraightThrough() {
        Fleet fleet = new Fleet("a").start();

        CompletableFuture<ShuntOutcome> reply = fleet.add(FLOW);

        assertEquals(ShuntOutcome.installed(reply.getNow(null).rule(), 501), reply.getNow(null));
        fleet.sims.get(0).outage(Duration.ofSeconds(5));
        CompletableFuture<ShuntOutcome> waiting = fleet.add(Request.of("10.9.9.9", null, null, null, null));
        fleet.scheduler.advance(Fleet.WATCH);
        assertNull(Fleet.reply(waiting), "one switch: the request waits for it as it always did");
        fleet.scheduler.advance(Duration.ofSeconds(8));
        assertEquals("ok", Fleet.reply(waiting));
        assertSame(fleet.managers.get(0), fleet.every.members().get(0).manager());
    }
}
