package org.dumbno.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A release unpacked into a directory of its own, run through its launcher with nothing on the
 * {@code PATH} but the few tools the launcher uses: no Maven, no source tree.
 */
final class InstalledTree {
    /** What the launcher runs besides java; every other command is out of reach. */
    private static final List<String> TOOLS = List.of("bash", "readlink", "dirname", "ls", "cksum", "cut", "mkdir",
            "rm", "chmod", "mv");

    private final Path launcher;
    private final Path workDir;
    private final Path tools;

    private InstalledTree(Path launcher, Path workDir, Path tools) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.tools = tools;
    }

    /** The tree under {@code root} whose launcher is {@code root/relativeLauncher}. */
    static InstalledTree at(Path root, String relativeLauncher, Path scratch) throws IOException {
        Path launcher = root.resolve(relativeLauncher);
        assertTrue(Files.isExecutable(launcher), launcher + " is not executable");
        Path tools = Files.createDirectories(scratch.resolve("tools"));
        for (String tool : TOOLS) {
            Path link = tools.resolve(tool);
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, which(tool));
            }
        }
        return new InstalledTree(launcher, Files.createDirectories(scratch.resolve("work")), tools);
    }

    private static Path which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no " + tool + " on this machine");
    }

    private ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", tools.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", workDir.toString());
        return builder;
    }

    /** Runs a command to its end; its standard output and error, apart. */
    Result run(String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = command(args).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        return new Result(status, out, Files.readString(err));
    }

    /** Starts {@code dumbno serve config} and waits for its "listening" line. */
    Process serve(Path config) throws IOException {
        Process process = command("serve", config.toString()).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            if (line.contains("dumbno listening on udp")) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new AssertionError("serve ended before listening (status " + waitFor(process) + "):\n" + seen);
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A simulated configuration on free loopback ports: the UDP port first, then the eAPI one. */
    static Config simulatedConfig(Path dir) throws IOException {
        int udp;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udp = socket.getLocalPort();
        }
        int eapi;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            eapi = socket.getLocalPort();
        }
        Path file = dir.resolve("simulated.cfg");
        Files.writeString(file, String.join("\n",
                "[switch]", "backend = simulated",
                "[ports]", "Ethernet1 = bulk_1", "Ethernet2 = bulk_2",
                "[dumbno]", "listen = 127.0.0.1:" + udp,
                "[simulated]", "eapi_listen = 127.0.0.1:" + eapi, ""));
        return new Config(file, udp);
    }

    record Config(Path file, int udpPort) {
    }

    record Result(int status, String out, String err) {
        void assertOk(String expectedOut) {
            assertEquals(0, status, "exit status; stderr:\n" + err);
            assertEquals(expectedOut, out.strip(), "stderr:\n" + err);
        }
    }
}
