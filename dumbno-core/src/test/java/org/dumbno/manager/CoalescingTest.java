package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.eos.sim.Sleeper;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real threads: one call in flight, and what arrives meanwhile rides the next call. */
@Timeout(20)
class CoalescingTest {
    private final HoldingSleeper sleeper = new HoldingSleeper();
    private final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-4").sleeper(sleeper).build();
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
    private ACLManager manager;

    /** Holds the next call until released, and counts calls inside it at once. */
    static final class HoldingSleeper implements Sleeper {
        volatile CountDownLatch entered = new CountDownLatch(0);
        volatile CountDownLatch release = new CountDownLatch(0);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();

        void holdNext() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            int now = inside.incrementAndGet();
            mostInside.accumulateAndGet(now, Math::max);
            try {
                entered.countDown();
                release.await();
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    private void start(int batchLimit) throws Exception {
        EosSwitch eos = EosSwitch.of(sim, Harness.PORTS);
        eos.setup();
        sim.latency(Duration.ofNanos(1));
        manager = ACLManager.builder().aclSwitch(eos).scheduler(threads).batchLimit(batchLimit).build();
        manager.start();
    }

    @AfterEach
    void stop() {
        manager.close();
        threads.shutdownNow();
    }

    private static Request host(int i) {
        return Request.of("10.1." + (i / 250) + "." + (i % 250 + 1), null, null, null, null);
    }

    @Test
    void aLoneRequestIsWrittenAtOnceInOneCall() throws Exception {
        start(2000);
        long before = sim.calls();

        ShuntOutcome outcome = manager.add(host(0)).get(5, TimeUnit.SECONDS);

        assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status());
        assertEquals(before + 1, sim.calls());
    }

    @Test
    void requestsArrivingDuringACallShareTheNextOne() throws Exception {
        start(2000);
        sleeper.holdNext();
        CompletableFuture<ShuntOutcome> first = manager.add(host(0));
        assertTrue(sleeper.entered.await(5, TimeUnit.SECONDS));
        long before = sim.calls();

        List<CompletableFuture<ShuntOutcome>> later = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            later.add(manager.add(host(i)));
        }
        sleeper.release.countDown();
        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertTrue(first.get().ok());
        assertTrue(later.stream().allMatch(f -> f.join().status() == ShuntOutcome.Status.INSTALLED));
        assertEquals(before + 1, sim.calls(), "the 300 waiting requests went in one call");
        assertEquals(301, sim.entries("bulk_2", Family.IP).size() - 4);
    }

    @Test
    void aBatchCarriesAtMostTheBatchLimit() throws Exception {
        start(10);
        sleeper.holdNext();
        manager.add(host(0));
        assertTrue(sleeper.entered.await(5, TimeUnit.SECONDS));
        long before = sim.calls();

        List<CompletableFuture<ShuntOutcome>> later = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            later.add(manager.add(host(i)));
        }
        sleeper.release.countDown();
        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertEquals(before + 3, sim.calls(), "10 + 10 + 5");
    }

    @Test
    void neverTwoCallsAtOnceWhateverTheThreads() throws Exception {
        start(50);
        AtomicInteger added = new AtomicInteger();
        Set<Rule> addedRules = ConcurrentHashMap.newKeySet();
        manager.addListener(new ShuntListener() {
            @Override
            public void installed(Rule rule, long sequence) {
                added.incrementAndGet();
                addedRules.add(rule);
            }
        });
        List<Thread> workers = new ArrayList<>();
        Queue<Throwable> workerFailures = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<ShuntOutcome>> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            int base = t * 100;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    outcomes.add(manager.add(host(base + i)));
                    if (i % 25 == 0) {
                        try {
                            manager.purge();
                        } catch (SwitchException e) {
                            workerFailures.add(e);
                        }
                    }
                }
            });
            worker.setUncaughtExceptionHandler((thread, e) -> workerFailures.add(e));
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(), List.copyOf(workerFailures));
        assertEquals(1, sleeper.mostInside.get());
        assertEquals(400, outcomes.size());
        assertEquals(List.of(), outcomes.stream().map(CompletableFuture::join)
                .filter(o -> o.status() != ShuntOutcome.Status.INSTALLED).toList(), "every rule is new");
        assertEquals(400, addedRules.size(), "sweeps between the writes remove idle lines, never block one");
        assertEquals(400, added.get(), "one added per rule, heard before its future completed");
    }
}
