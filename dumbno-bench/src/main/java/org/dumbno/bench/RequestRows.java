package org.dumbno.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The rows driven by UDP requests: a burst all at once, and a steady rate. */
final class RequestRows {
    /** Sender threads of a burst. */
    static final int SENDERS = 4;
    /** Channels a burst is spread over. */
    static final int BURST_CHANNELS = 64;
    static final double BURST_TARGET_SECONDS = 2.0;
    static final double SUSTAINED_TARGET_RTTS = 3.0;
    /** A burst to several switches may take this many times the same burst to one (the median of the pairs). */
    static final double SWITCHES_TARGET_RATIO = 1.5;
    /** Pairs of bursts (one switch, then several) the several-switch burst row runs. */
    static final int SWITCHES_PAIRS = 5;
    private static final long ANSWER_WAIT = TimeUnit.SECONDS.toNanos(60);

    private RequestRows() {
    }

    /** {@code count} distinct requests sent at once. */
    static Row burst(int count, Duration latency) throws IOException, InterruptedException {
        Burst burst = runBurst(count, latency, 1);
        long lost = count - burst.oks();
        String figures = String.format("installed %d, lost %d, last ok after %.3f s, %.0f rules/s%s",
                burst.installed(), lost, burst.seconds(), burst.installed() / burst.seconds(), burst.errorNote());
        boolean met = burst.installed() == count && lost == 0 && burst.seconds() <= BURST_TARGET_SECONDS;
        return new Row(String.format("burst %,d @ %d ms", count, latency.toMillis()), figures,
                "all installed <= 2 s", met);
    }

    /**
     * {@code count} distinct requests sent at once to {@code switches} switches, each with its own
     * engine, every reply {@code ok} only once every switch holds the rule; the same burst to one
     * switch runs just before, in the same conditions, as the yardstick. A burst lasts well under a
     * second, so where a young collection lands moves one ratio by a tenth or more: the row runs
     * {@link #SWITCHES_PAIRS} such pairs and judges their median ratio, showing the range beside it.
     */
    static Row burstOnSwitches(int count, int switches, Duration latency) throws IOException, InterruptedException {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < SWITCHES_PAIRS; i++) {
            Burst one = runBurst(count, latency, 1);
            Burst several = runBurst(count, latency, switches);
            pairs.add(new Pair(one, several));
        }
        List<Pair> byRatio = new ArrayList<>(pairs);
        byRatio.sort(Comparator.comparingDouble(Pair::ratio));
        Pair median = byRatio.get(byRatio.size() / 2);
        long fewestInstalled = pairs.stream().mapToLong(pair -> pair.several().installed()).min().orElse(0);
        long lost = pairs.stream().mapToLong(pair -> count - pair.several().oks()).sum();
        String errors = pairs.stream().map(pair -> pair.several().errorNote()).filter(note -> !note.isEmpty())
                .findFirst().orElse("");
        String figures = String.format("installed %d on all %d (the fewest of %d pairs), lost %d; median %.2f x one"
                + " switch's time (%.2f-%.2f): last ok after %.3f s against one switch's %.3f s (installed %d, lost %d)"
                + "%s; %s against one switch's %s", fewestInstalled, switches, pairs.size(), lost, median.ratio(),
                byRatio.get(0).ratio(), byRatio.get(byRatio.size() - 1).ratio(), median.several().seconds(),
                median.one().seconds(), median.one().installed(), count - median.one().oks(), errors,
                median.several().cpuNote(), median.one().cpuNote());
        boolean met = fewestInstalled == count && lost == 0 && median.ratio() <= SWITCHES_TARGET_RATIO;
        return new Row(String.format("burst %,d @ %d ms, %d switches", count, latency.toMillis(), switches), figures,
                "all installed on all, median <= 1.5 x one switch", met);
    }

    /** A burst to one switch and the same burst to several just after it. */
    private record Pair(Burst one, Burst several) {
        double ratio() {
            return several.seconds() / one.seconds();
        }
    }

    /** Seconds until the last {@code ok} of a burst of {@code count} distinct requests; fails unless all are ok. */
    static double burstSeconds(int count, Duration latency) throws IOException, InterruptedException {
        Burst burst = runBurst(count, latency, 1);
        if (burst.oks() != count) {
            throw new IllegalStateException("the UDP burst got " + burst.oks() + " ok of " + count + burst.errorNote());
        }
        return burst.seconds();
    }

    /**
     * What one burst did: seconds to the last ok, rules installed, oks, a note of the errors, and
     * the CPU seconds the whole process and the simulated switches' threads among it used meanwhile.
     */
    private record Burst(double seconds, long installed, long oks, String errorNote, double cpu, double switchCpu) {
        /** {@code CPU N s (switches N s)}. */
        String cpuNote() {
            return String.format("CPU %.2f s (simulated switches %.2f s)", cpu, switchCpu);
        }
    }

    private static Burst runBurst(int count, Duration latency, int switches) throws IOException, InterruptedException {
        List<byte[]> datagrams = Flows.datagrams(0, count);
        try (Rig rig = Rig.start(latency, switches); UdpLoad load = UdpLoad.to(rig.udpAddress(), BURST_CHANNELS)) {
            long cpu = CpuClock.process();
            long switchCpu = CpuClock.simulatedSwitch();
            long start = System.nanoTime();
            load.burst(datagrams, SENDERS);
            load.awaitReplies(count, start + ANSWER_WAIT);
            // the CPU figures first: counting the rules on the switches afterwards is the bench's work
            double cpuSeconds = (CpuClock.process() - cpu) / 1e9;
            double switchSeconds = (CpuClock.simulatedSwitch() - switchCpu) / 1e9;
            return new Burst((load.lastOkNanos() - start) / 1e9, rig.installed(), load.oks(), errorNote(load),
                    cpuSeconds, switchSeconds);
        }
    }

    /** {@code rate} requests per second for {@code seconds} seconds. */
    static Row sustained(int rate, int seconds, Duration latency)
            throws IOException, InterruptedException {
        Steady steady = runSustained(rate, seconds, latency, 1);
        return new Row(String.format("sustained %,d/s x %d s @ %d ms", rate, seconds, latency.toMillis()),
                steady.figures(), "all installed, p99 <= 3 RTT", steady.met());
    }

    /**
     * {@code rate} requests per second for {@code seconds} seconds to {@code switches} switches; the
     * same load to one switch runs just before, in the same conditions, for comparison.
     */
    static Row sustainedOnSwitches(int rate, int seconds, Duration latency, int switches)
            throws IOException, InterruptedException {
        Steady one = runSustained(rate, seconds, latency, 1);
        Steady several = runSustained(rate, seconds, latency, switches);
        String figures = String.format("%s; one switch: p50 %.2f RTT, p99 %.2f RTT", several.figures(),
                one.p50() / one.rtt(), one.p99() / one.rtt());
        return new Row(String.format("sustained %,d/s x %d s @ %d ms, %d switches", rate, seconds, latency.toMillis(),
                switches), figures, "all installed on all, p99 <= 3 RTT", several.met());
    }

    /** What a steady load did: rules installed (on every switch), requests, oks, p50 and p99 in ms, the RTT. */
    private record Steady(long installed, int total, long oks, double p50, double p99, double rtt, String errorNote) {
        String figures() {
            return String.format("installed %d of %d (%.1f%%), lost %d, p50 %.1f ms = %.2f RTT, p99 %.1f ms = %.2f RTT%s",
                    installed, total, 100.0 * installed / total, total - oks, p50, p50 / rtt, p99, p99 / rtt, errorNote);
        }

        boolean met() {
            return installed == total && oks == total && p99 <= SUSTAINED_TARGET_RTTS * rtt;
        }
    }

    private static Steady runSustained(int rate, int seconds, Duration latency, int switches)
            throws IOException, InterruptedException {
        int total = rate * seconds;
        List<byte[]> datagrams = Flows.datagrams(0, total);
        try (Rig rig = Rig.start(latency, switches); UdpLoad load = UdpLoad.to(rig.udpAddress(), BURST_CHANNELS)) {
            long start = System.nanoTime();
            double period = 1e9 / rate;
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * period);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                load.sendOne(datagrams.get(i));
            }
            load.awaitReplies(total, System.nanoTime() + ANSWER_WAIT);
            return new Steady(rig.installed(), total, load.oks(), load.latencies().quantileMillis(0.50),
                    load.latencies().quantileMillis(0.99), latency.toNanos() / 1e6, errorNote(load));
        }
    }

    private static String errorNote(UdpLoad load) {
        return load.errors() == 0 ? "" : String.format(" (%d errors, first: %s)", load.errors(), load.firstError());
    }
}
