package org.dumbno.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code dumbno add} takes from the installed release, as a sensor's shell script would
 * run it: the tarball of {@code dumbno-dist} unpacked into a temporary directory, its
 * {@code bin/dumbno add} run once to write its class-data archive, then timed from process start
 * to exit, {@value #RUNS} times, against a {@code dumbno serve} of the same tree on a simulated
 * switch without injected latency, warmed up by {@value #WARM_UP_REQUESTS} requests first (this row
 * measures the client's start, not the switch or a cold server). Each run asks for another flow,
 * answered {@code ok}.
 */
final class StartupRow {
    static final long TARGET_MILLIS = 250;
    static final int RUNS = 10;
    private static final int WARM_UP_REQUESTS = 2_000;
    private static final int SETTLE_RUNS = 5;

    private StartupRow() {
    }

    static Row run(Path root) throws IOException, InterruptedException {
        String scenario = "start-up: installed dumbno add";
        String target = "median <= " + TARGET_MILLIS + " ms wall";
        Path tarball = tarball(root.resolve("dumbno-dist/target"));
        if (tarball == null) {
            return new Row(scenario, "no dumbno-*.tar.gz in dumbno-dist/target: mvn -B package builds it", target, false);
        }
        Path dir = Files.createTempDirectory("dumbno-bench-startup");
        run(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()));
        Path launcher;
        try (DirectoryStream<Path> unpacked = Files.newDirectoryStream(dir)) {
            launcher = unpacked.iterator().next().resolve("bin/dumbno");
        }
        int udpPort = MemoryRow.freeUdpPort();
        Path config = dir.resolve("bench.cfg");
        Files.writeString(config, MemoryRow.config(udpPort, MemoryRow.freeTcpPort(), 0));
        Process serve = new ProcessBuilder(launcher.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        try {
            if (!MemoryRow.awaitListening(new InetSocketAddress(Rig.loopback(), udpPort), serve)) {
                return new Row(scenario, "dumbno serve did not answer", target, false);
            }
            warmUp(new InetSocketAddress(Rig.loopback(), udpPort));
            // The first run writes the class-data archive, as the package's installation does; a few
            // more let the server settle after the burst.
            for (int i = 0; i < SETTLE_RUNS; i++) {
                add(launcher, udpPort, RUNS + 1 + i);
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 1; i <= RUNS; i++) {
                long start = System.nanoTime();
                String reply = add(launcher, udpPort, i);
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                if (!reply.strip().equals("ok")) {
                    return new Row(scenario, "add answered: " + reply.strip(), target, false);
                }
            }
            Collections.sort(millis);
            long median = (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2;
            String figures = String.format("median %d ms, best %d ms, worst %d ms over %d runs (class-data archive: %s)",
                    median, millis.get(0), millis.get(RUNS - 1), RUNS, archives(launcher.getParent().resolveSibling("cache")));
            return new Row(scenario, figures, target, median <= TARGET_MILLIS);
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /**
     * Requests enough to have the server's request path compiled, so that the timed runs measure
     * the client's start, not a server's first minutes.
     */
    private static void warmUp(InetSocketAddress server) throws IOException, InterruptedException {
        try (UdpLoad load = UdpLoad.to(server, RequestRows.BURST_CHANNELS)) {
            load.burst(Flows.datagrams(0, WARM_UP_REQUESTS), RequestRows.SENDERS);
            load.awaitReplies(WARM_UP_REQUESTS, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        }
    }

    private static String add(Path launcher, int udpPort, int flow) throws IOException, InterruptedException {
        return run(List.of(launcher.toString(), "add", "--server", "127.0.0.1:" + udpPort,
                "--src", "10.9.0." + (flow + 1), "--dst", "192.0.2.9", "--proto", "tcp", "--dport", "443"));
    }

    private static Path tarball(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target, "dumbno-*.tar.gz")) {
            for (Path file : files) {
                return file;
            }
        }
        return null;
    }

    private static String archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return "none";
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cache, "*.jsa")) {
            for (Path file : files) {
                return String.format("%.1f MB", Files.size(file) / 1e6);
            }
        }
        return "none";
    }

    /** Runs a command to its end and returns its standard output; fails on a non-zero status. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " exited " + status + ": " + out);
        }
        return out;
    }
}
