package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dumbno setup} with examples/eapi-simulate.cfg against {@code dumbno simulate}: the arista
 * backend over eAPI builds the layout of SPEC.md, and a second run finds nothing to change.
 */
@Timeout(60)
class SetupOverEapiIT {
    private static final Path EXAMPLE = Path.of("..", "examples", "eapi-simulate.cfg");

    private final SimulateCommand simulate = new SimulateCommand();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private Future<Integer> exit;
    private Path config;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException, InterruptedException {
        // Fault commands from an empty input, never this JVM's standard input: in a forked test JVM
        // that is the test runner's command channel, and a reader left on it swallows the runner's
        // commands, so the JVM never learns it may exit.
        simulate.faults = InputStream.nullInputStream();
        CommandLine cli = new CommandLine(simulate);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        exit = runner.submit(() -> cli.execute("--listen", "127.0.0.1:0"));
        InetSocketAddress address = simulate.awaitStarted(Duration.ofSeconds(30));
        assertNotNull(address, "the simulated switch did not start");
        assertTrue(simulate.awaitConsoleEnded(Duration.ofSeconds(10)), "the fault console still reads an input");
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String pointed = example.replace("ip = 127.0.0.1:8080", "ip = 127.0.0.1:" + address.getPort());
        assertEquals(1, pointed.lines().filter(line -> line.equals("ip = 127.0.0.1:" + address.getPort())).count(),
                "the example names the simulator's default address once");
        config = dir.resolve("eapi-simulate.cfg");
        Files.writeString(config, pointed, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stop() throws Exception {
        simulate.stop();
        assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
        runner.shutdownNow();
    }

    @Test
    void firstRunBuildsTheLayoutAndASecondChangesNothing() {
        RunningDaemon.Run first = RunningDaemon.run("setup", config.toString());
        assertEquals(ExitCodes.OK, first.code(), first.err());
        assertEquals(expectedLayout(), first.out().lines().toList());

        RunningDaemon.Run second = RunningDaemon.run("setup", config.toString());
        assertEquals(ExitCodes.OK, second.code(), second.err());
        assertEquals(List.of("nothing to change"), second.out().lines().toList());
    }

    /** What SPEC.md asks for bulk_1 on Ethernet1-2 and bulk_2 on Ethernet3-4, both families. */
    private static List<String> expectedLayout() {
        List<String> lines = new ArrayList<>();
        for (String family : List.of("ip", "ipv6")) {
            for (String acl : List.of("bulk_1", "bulk_2")) {
                String list = family + " access-list " + acl;
                lines.add("created " + list);
                lines.add("enabled counters per-entry in " + list);
                lines.add("added '10 permit tcp any any fin' to " + list);
                lines.add("added '20 permit tcp any any syn' to " + list);
                lines.add("added '30 permit tcp any any rst' to " + list);
                lines.add("added '100001 permit " + family + " any any' to " + list);
            }
        }
        for (int port = 1; port <= 4; port++) {
            String acl = port <= 2 ? "bulk_1" : "bulk_2";
            for (String family : List.of("ip", "ipv6")) {
                lines.add("bound " + family + " access-group " + acl + " in on Ethernet" + port);
            }
        }
        lines.add("configured hardware access-list update default-result permit");
        return lines;
    }
}
