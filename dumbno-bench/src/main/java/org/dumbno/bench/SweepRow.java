package org.dumbno.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dumbno.manager.PurgeReport;
import org.dumbno.manager.ShuntOutcome;

/**
 * The CPU time of one expiry sweep over {@code rules} rules in each of the four lists, on the
 * thread that runs it: a first sweep takes the counters' baseline, traffic then moves the counters
 * of nine flows in ten on every ingress port, and the measured sweep reads every list and removes
 * the idle tenth. dumbno's CPU (the calling thread: the eAPI client, parsing, judging) is told
 * apart from the simulated switch's (the eAPI server's threads), which a real switch spends on its
 * own CPU.
 */
final class SweepRow {
    static final double TARGET_MILLIS = 100;
    private static final Duration LATENCY = Duration.ofMillis(20);

    private SweepRow() {
    }

    static Row run(int rules) throws IOException, InterruptedException {
        try (Rig rig = Rig.start(LATENCY)) {
            install(rig, rules);
            rig.manager.purge();
            for (int i = 0; i < rules; i++) {
                if (i % 10 != 0) {
                    for (String port : Rig.PORTS.keySet()) {
                        rig.sim.send(port, Flows.flow(i), 10, 15_000);
                    }
                }
            }
            long switchBefore = CpuClock.simulatedSwitch();
            long before = CpuClock.thisThread();
            long wallBefore = System.nanoTime();
            PurgeReport report = rig.manager.purge();
            double dumbno = (CpuClock.thisThread() - before) / 1e6;
            double wall = (System.nanoTime() - wallBefore) / 1e6;
            double simulated = (CpuClock.simulatedSwitch() - switchBefore) / 1e6;
            String figures = String.format("%,d lines read, %,d removed: dumbno %.1f ms CPU"
                    + " (simulated switch %.1f ms CPU), %.0f ms wall", report.examined(),
                    report.removed().size(), dumbno, simulated, wall);
            return new Row(String.format("sweep %,d rules x 4 ACLs", rules), figures,
                    "dumbno CPU <= 100 ms", dumbno <= TARGET_MILLIS);
        }
    }

    private static void install(Rig rig, int rules) throws IOException {
        List<CompletableFuture<ShuntOutcome>> outcomes = new ArrayList<>(rules);
        for (int i = 0; i < rules; i++) {
            outcomes.add(rig.manager.add(Flows.request(i)));
        }
        try {
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw new IOException("installing " + rules + " rules for the sweep failed: " + e, e);
        }
        if (rig.installed() != rules) {
            throw new IOException("only " + rig.installed() + " of " + rules + " rules reached the switch");
        }
    }
}
