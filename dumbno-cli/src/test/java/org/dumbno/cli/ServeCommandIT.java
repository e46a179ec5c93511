package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dumbno.cli.RunningDaemon.Run;
import org.dumbno.client.ACLClient;
import org.dumbno.daemon.Daemon;
import org.dumbno.testing.LossyRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dumbno serve} in-process, signed adds, the Python client, and the failures a user meets. */
@Timeout(60)
class ServeCommandIT {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void serveAnswersUntilStoppedAndExitsZero() throws Exception {
        Path config = Files.writeString(dir.resolve("serve.cfg"), RunningDaemon.TEMPLATE.replace("%EXTRA%", "")
                .replace(":UDP", ":0").replace(":EAPI", ":0"));
        ServeCommand command = new ServeCommand();
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(new StringWriter(), true));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = runner.submit(() -> cli.execute(config.toString(), "--setup"));
            Daemon daemon = command.awaitStarted(Duration.ofSeconds(30));
            assertNotNull(daemon, "serve did not start");
            try (ACLClient client = ACLClient.builder().server("127.0.0.1", daemon.listening().get(0).getPort()).build()) {
                assertEquals("ok", client.addAcl("10.1.2.3", "192.0.2.9", "tcp", null, 443));
            }

            command.stop();

            assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
            assertEquals(1, daemon.serverStats().ok());
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void signedAddsNeedTheSecretFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "a shared key of more than 16 bytes\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        try (RunningDaemon running = RunningDaemon.start(dir, "secret_file = " + secret)) {
            Run unsigned = RunningDaemon.run("add", "--server", running.server(), "--src", "10.1.2.3", "--dst", "192.0.2.9");
            Run signed = RunningDaemon.run("add", "--server", running.server(), "--src", "10.1.2.3", "--dst", "192.0.2.9",
                    "--secret-file", secret.toString());

            assertEquals("error: request not signed" + NL, unsigned.out());
            assertEquals(ExitCodes.FAILED, unsigned.code());
            assertEquals("ok" + NL, signed.out());
            assertEquals(ExitCodes.OK, signed.code(), signed.err());
        }
    }

    @Test
    void aSignedRetryAfterALostReplyIsOk() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "a shared key of more than 16 bytes\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        try (RunningDaemon running = RunningDaemon.start(dir, "secret_file = " + secret);
                LossyRelay relay = LossyRelay.start(running.daemon().listening().get(0))) {
            Run signed = RunningDaemon.run("add", "--server", "127.0.0.1:" + relay.port(), "--timeout", "2",
                    "--proto", "tcp", "--src", "10.1.2.3", "--dst", "192.0.2.9", "--dport", "443",
                    "--secret-file", secret.toString());

            assertEquals("ok" + NL, signed.out(), signed.err());
            assertEquals(ExitCodes.OK, signed.code());
            assertEquals(List.of("ok", "ok"), relay.replies(), "the first reply was lost, the retry was accepted");
        }
    }

    @Test
    void thePythonClientIsAnsweredOk() throws Exception {
        assumeTrue(python3Runs(), "python3 is not installed");
        Path client = Path.of(System.getProperty("user.dir")).resolve("../examples/clients/dumbno_client.py").normalize();
        try (RunningDaemon running = RunningDaemon.start(dir, "")) {
            Process python = new ProcessBuilder("python3", client.toString(), "--server", running.server(),
                    "--src", "10.1.2.3", "--dst", "192.0.2.9", "--proto", "tcp", "--dport", "443")
                    .redirectErrorStream(true).start();
            assertTrue(python.waitFor(30, TimeUnit.SECONDS), "the client did not finish");
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(0, python.exitValue(), output);
            assertEquals("ok", output.strip());
            assertEquals(1, running.daemon().serverStats().ok());
        }
    }

    private static boolean python3Runs() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aMissingConfigurationIsOneLineAndExitsTwo() {
        Run list = RunningDaemon.run("list", dir.resolve("nope.cfg").toString());

        assertEquals(ExitCodes.USAGE, list.code());
        assertEquals("dumbno: " + dir.resolve("nope.cfg") + ": no such file" + NL, list.err());
    }

    @Test
    void aBadValueIsOneLineAndExitsTwo() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.cfg"), "[switch]\nbackend = simulated\n[ports]\n"
                + "Ethernet1 = bulk_1\n[dumbno]\nseq_min = abc\n");

        Run serve = RunningDaemon.run("serve", config.toString());

        assertEquals(ExitCodes.USAGE, serve.code());
        assertEquals("dumbno: " + config + ": [dumbno] seq_min = abc: not a whole number" + NL, serve.err());
    }

    @Test
    void aTakenUdpPortIsOneLineAndExitsTwo() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, RunningDaemon.loopback())) {
            Path config = Files.writeString(dir.resolve("taken.cfg"), RunningDaemon.TEMPLATE.replace("%EXTRA%", "")
                    .replace(":UDP", ":" + taken.getLocalPort()).replace(":EAPI", ":0"));

            Run serve = RunningDaemon.run("serve", config.toString(), "--quiet");

            assertEquals(ExitCodes.USAGE, serve.code());
            assertEquals(1, serve.err().lines().count(), serve.err());
            assertTrue(serve.err().startsWith("dumbno: cannot listen on 127.0.0.1:" + taken.getLocalPort()), serve.err());
        }
    }

    @Test
    void listWithoutAServerSaysToStartOne() throws IOException {
        int free;
        try (DatagramSocket probe = new DatagramSocket(0, RunningDaemon.loopback())) {
            free = probe.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("lab.cfg"), RunningDaemon.TEMPLATE.replace("%EXTRA%", "")
                .replace(":UDP", ":9000").replace(":EAPI", ":" + free));

        Run list = RunningDaemon.run("list", config.toString());

        assertEquals(ExitCodes.UNREACHABLE, list.code());
        assertEquals("dumbno: no simulated switch at 127.0.0.1:" + free + ": start \"dumbno serve " + config
                + "\" first" + NL, list.err());
    }

    @Test
    void helpListsExactlyTheWorkingSubcommands() {
        Run help = RunningDaemon.run("--help");

        List<String> listed = help.out().lines().dropWhile(line -> !line.startsWith("Commands:")).skip(1)
                .takeWhile(line -> line.startsWith("  ")).filter(line -> line.matches("  \\S+\\s.*"))
                .map(line -> line.strip().split("\\s+")[0]).toList();
        assertEquals(List.of("serve", "setup", "add", "remove", "list", "stats", "status", "flush", "simulate", "plot"), listed);
        assertTrue(help.out().contains("Exit codes:"), help.out());
    }
}
