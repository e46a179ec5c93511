package org.dumbno.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.AclEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.PurgeReport;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;

/**
 * Measures the engine against a simulated switch with 20 ms per call and four ports on two ACLs:
 * a burst of 10,000 distinct requests, 200 requests per second for 10 s, and the CPU time of an
 * expiry sweep over the 10,000 rules. Prints one line per figure.
 */
public final class ManagerBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int BURST = 10_000;
    private static final int RATE = 200;
    private static final int SUSTAINED_SECONDS = 10;
    private static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_1",
            "Ethernet3", "bulk_2", "Ethernet4", "bulk_2");

    private final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
    private final MeteredTransport metered = new MeteredTransport(sim);
    private final EosSwitch eos = EosSwitch.of(metered, PORTS);
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final boolean quiet;

    private ManagerBenchmark(boolean quiet) {
        this.quiet = quiet;
    }

    /** Runs the scenario once without latency to warm the JIT up (unless {@code --cold}), then measures. */
    public static void main(String[] args) throws Exception {
        if (!List.of(args).contains("--cold")) {
            new ManagerBenchmark(true).run(Duration.ZERO);
        }
        new ManagerBenchmark(false).run(LATENCY);
    }

    private void print(String format, Object... values) {
        if (!quiet) {
            System.out.printf(format, values);
        }
    }

    private void run(Duration latency) throws Exception {
        eos.setup();
        sim.latency(latency);
        print("switch: simulated, %d ms per call, ports %s%n", latency.toMillis(), PORTS);
        try (ACLManager first = manager()) {
            first.start();
            burst(first);
            sweep("sweep, first read of the rules", first);
        }
        try (ACLManager second = manager()) {
            second.start();
            sweep("sweep, warm", second);
            sustained(second);
            PurgeReport idle = sweep("sweep removing every idle line", second);
            print("  removed %d lines%n", idle.removed().size());
        }
    }

    private ACLManager manager() {
        return ACLManager.builder().eosSwitch(eos).purgeInterval(Duration.ofHours(1)).build();
    }

    private static Request request(int i) {
        return Request.of("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "192.0.2.1",
                "tcp", 40000 + i % 20000, 443);
    }

    private void burst(ACLManager manager) throws Exception {
        long calls = sim.calls();
        long start = System.nanoTime();
        List<CompletableFuture<ShuntOutcome>> outcomes = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
            outcomes.add(manager.add(request(i)));
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long installed = outcomes.stream().filter(f -> f.join().status() == ShuntOutcome.Status.INSTALLED).count();
        print("burst: %d requests, %d installed, %d deny lines per IPv4 list, last installed after"
                + " %.3f s, %d calls (target <= 2 s)%n", BURST, installed, denies("bulk_1"), seconds,
                sim.calls() - calls);
    }

    private long denies(String acl) {
        return sim.entries(acl, Family.IP).stream().filter(e -> e.action() == AclEntry.Action.DENY).count();
    }

    private void sustained(ACLManager manager) throws Exception {
        int total = RATE * SUSTAINED_SECONDS;
        long[] latencies = new long[total];
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long calls = sim.calls();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> ticks = pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            long asked = System.nanoTime();
            manager.add(request(BURST + i)).thenAccept(outcome -> {
                latencies[i] = System.nanoTime() - asked;
                if (!outcome.ok()) {
                    refused.incrementAndGet();
                }
                done.countDown();
            });
        }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
        boolean finished = done.await(SUSTAINED_SECONDS + 30L, TimeUnit.SECONDS);
        ticks.cancel(false);
        pacer.shutdownNow();
        Arrays.sort(latencies);
        double p50 = latencies[total / 2] / 1e6;
        double p99 = latencies[(int) Math.ceil(total * 0.99) - 1] / 1e6;
        double rtt = LATENCY.toNanos() / 1e6;
        print("sustained: %d req/s for %d s, %s, %d refused, %d calls; add->installed p50 %.1f ms"
                + " (%.2f round trips), p99 %.1f ms (%.2f round trips) (target p99 <= 3 round trips)%n",
                RATE, SUSTAINED_SECONDS, finished ? "all answered" : "NOT all answered", refused.get(),
                sim.calls() - calls, p50, p50 / rtt, p99, p99 / rtt);
    }

    private PurgeReport sweep(String what, ACLManager manager) throws Exception {
        long cpuBefore = cpu.getCurrentThreadCpuTime();
        long switchBefore = metered.cpuNanosOfThisThread();
        long wallBefore = System.nanoTime();
        PurgeReport report = manager.purge();
        double cpuMs = (cpu.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
        double switchMs = (metered.cpuNanosOfThisThread() - switchBefore) / 1e6;
        double wallMs = (System.nanoTime() - wallBefore) / 1e6;
        print("%s: %d managed lines in 4 lists, %.1f ms CPU in dumbno (+ %.1f ms in the simulated switch),"
                + " %.1f ms wall (target <= 100 ms CPU)%n", what, report.examined(), cpuMs - switchMs, switchMs,
                wallMs);
        return report;
    }
}
