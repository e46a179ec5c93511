package org.dumbno.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.dumbno.manager.ShuntOutcome;

/**
 * Duplicates: a steady rate where a share of the requests repeat rules already on the switch.
 * Each repeat is confirmed by a read before its {@code ok}; the reads are shared, so they stay at
 * one per round trip at most however many repeats arrive.
 */
final class RepeatRow {
    static final double TARGET_RTTS = 4.0;
    /** Rules on the switch before the run, which the repeats ask for again. */
    private static final int LIVE = 1_000;
    private static final long ANSWER_WAIT = TimeUnit.SECONDS.toNanos(60);

    private RepeatRow() {
    }

    /** {@code rate} requests per second for {@code seconds} s, every {@code every}-th a repeat of a live rule. */
    static Row run(int rate, int seconds, int every, Duration latency) throws IOException, InterruptedException {
        int total = rate * seconds;
        List<byte[]> live = Flows.datagrams(0, LIVE);
        List<byte[]> fresh = Flows.datagrams(LIVE, total);
        try (Rig rig = Rig.start(latency)) {
            install(rig);
            long readsBefore = rig.reads();
            try (UdpLoad newLoad = UdpLoad.to(rig.udpAddress(), RequestRows.BURST_CHANNELS);
                    UdpLoad repeatLoad = UdpLoad.to(rig.udpAddress(), RequestRows.BURST_CHANNELS)) {
                long cpu = CpuClock.process();
                long switchCpu = CpuClock.simulatedSwitch();
                long start = System.nanoTime();
                double period = 1e9 / rate;
                int repeats = 0;
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * period);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    if (i % every == every - 1) {
                        repeatLoad.sendOne(live.get(repeats++ % LIVE));
                    } else {
                        newLoad.sendOne(fresh.get(i));
                    }
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                newLoad.awaitReplies(total - repeats, System.nanoTime() + ANSWER_WAIT);
                repeatLoad.awaitReplies(repeats, System.nanoTime() + ANSWER_WAIT);
                long reads = rig.reads() - readsBefore;
                String cpuNote = String.format("CPU %.2f s (simulated switches %.2f s)",
                        (CpuClock.process() - cpu) / 1e9, (CpuClock.simulatedSwitch() - switchCpu) / 1e9);
                double rtt = latency.toNanos() / 1e6;
                double readsPerRtt = reads / (elapsed * 1000 / rtt);
                double p99 = Math.max(newLoad.latencies().quantileMillis(0.99),
                        repeatLoad.latencies().quantileMillis(0.99));
                double repeatP99 = repeatLoad.latencies().quantileMillis(0.99);
                long oks = newLoad.oks() + repeatLoad.oks();
                String figures = String.format("%d of %d ok (%d repeats), p99 %.1f ms = %.2f RTT (repeats %.2f RTT),"
                        + " %d confirming reads in %.1f s = %.2f per RTT; %s", oks, total, repeats, p99, p99 / rtt,
                        repeatP99 / rtt, reads, elapsed, readsPerRtt, cpuNote);
                boolean met = oks == total && p99 <= TARGET_RTTS * rtt && readsPerRtt <= 1.0;
                return new Row(String.format("repeats 1 in %d of %,d/s x %d s @ %d ms", every, rate, seconds,
                        latency.toMillis()), figures, "all ok, p99 <= 4 RTT, reads <= 1 per RTT", met);
            }
        }
    }

    private static void install(Rig rig) throws IOException {
        List<CompletableFuture<ShuntOutcome>> outcomes = new ArrayList<>(LIVE);
        for (int i = 0; i < LIVE; i++) {
            outcomes.add(rig.manager.add(Flows.request(i)));
        }
        try {
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("installing " + LIVE + " live rules failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing the live rules", e);
        }
    }
}
