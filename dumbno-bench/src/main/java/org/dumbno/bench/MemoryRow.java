package org.dumbno.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The resident size of a real {@code dumbno serve} process, started through the {@code ./dumbno}
 * launcher (so with the launcher's JVM flags) on a simulated switch, once it holds {@code rules}
 * rules sent to it over UDP and all answered {@code ok}. Reads VmRSS and VmHWM (the peak) from
 * {@code /proc/PID/status}.
 */
final class MemoryRow {
    static final long TARGET_MB = 128;
    private static final long START_WAIT = TimeUnit.SECONDS.toNanos(60);
    private static final long ANSWER_WAIT = TimeUnit.SECONDS.toNanos(60);

    private MemoryRow() {
    }

    static Row run(Path root, int rules) throws IOException, InterruptedException {
        String scenario = String.format("memory: dumbno serve, %,d rules", rules);
        String target = "RSS <= " + TARGET_MB + " MB";
        Path dir = Files.createTempDirectory("dumbno-bench");
        int udpPort = freeUdpPort();
        Path config = dir.resolve("bench.cfg");
        Files.writeString(config, config(udpPort, freeTcpPort(), Benchmark.RTT.toMillis()));
        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(root.resolve("dumbno").toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            InetSocketAddress address = new InetSocketAddress(Rig.loopback(), udpPort);
            if (!awaitListening(address, serve)) {
                return new Row(scenario, "dumbno serve did not answer; its output: " + tail(log), target, false);
            }
            try (UdpLoad load = UdpLoad.to(address, RequestRows.BURST_CHANNELS)) {
                load.burst(Flows.datagrams(0, rules), RequestRows.SENDERS);
                load.awaitReplies(rules, System.nanoTime() + ANSWER_WAIT);
                if (load.oks() != rules) {
                    return new Row(scenario, String.format("only %d of %d answered ok (first error: %s)",
                            load.oks(), rules, load.firstError()), target, false);
                }
            }
            long rss = statusKb(serve.pid(), "VmRSS");
            long peak = statusKb(serve.pid(), "VmHWM");
            String figures = String.format("RSS %.1f MB (peak %.1f MB), JVM flags of ./dumbno: %s",
                    rss / 1024.0, peak / 1024.0, launcherFlags(serve.pid()));
            return new Row(scenario, figures, target, rss <= TARGET_MB * 1024);
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** Four ports, four ACLs, no rate limit; {@code latencyMs} injected per eAPI call. */
    static String config(int udpPort, int eapiPort, long latencyMs) {
        return String.join("\n",
                "[switch]", "backend = simulated", "",
                "[ports]", "Ethernet1 = bulk_1", "Ethernet2 = bulk_2", "Ethernet3 = bulk_3", "Ethernet4 = bulk_4", "",
                "[dumbno]", "listen = 127.0.0.1:" + udpPort, "",
                "[simulated]", "eapi_listen = 127.0.0.1:" + eapiPort, "latency_ms = " + latencyMs, "");
    }

    /** Sends an empty request until the server answers it (with an error: it names no flow). */
    static boolean awaitListening(InetSocketAddress address, Process serve) throws IOException {
        long deadline = System.nanoTime() + START_WAIT;
        byte[] probe = "{}".getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Rig.loopback(), 0))) {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline && serve.isAlive()) {
                socket.send(new DatagramPacket(probe, probe.length, address));
                try {
                    socket.receive(new DatagramPacket(new byte[512], 512));
                    return true;
                } catch (SocketTimeoutException e) {
                    // not listening yet
                }
            }
        }
        return false;
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " missing from /proc/" + pid + "/status");
    }

    /** The JVM options of the process, as its command line shows them (between java and -jar). */
    private static String launcherFlags(long pid) throws IOException {
        String[] args = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8).split("\0");
        StringBuilder flags = new StringBuilder();
        for (int i = 1; i < args.length && !args[i].equals("-jar"); i++) {
            flags.append(flags.length() == 0 ? "" : " ").append(args[i]);
        }
        return flags.length() == 0 ? "(none)" : flags.toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Rig.loopback(), 0))) {
            return socket.getLocalPort();
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, Rig.loopback())) {
            return socket.getLocalPort();
        }
    }
}
