package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dumbno.cli.RunningDaemon.Run;
import org.dumbno.client.ACLClient;
import org.dumbno.config.Backend;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.daemon.Daemon;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Python dumbno's habits: its dummy.cfg, and {@code dumbno CFG [setup|stats]}. */
@Timeout(60)
class OldFormsIT {
    /** examples/dummy.cfg of the Python dumbno, byte for byte. */
    static final String PYTHON_DUMMY_CFG = "[switch]\nbackend = dummy\n\n[ports]\n\n";
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CommandLine cli = DumbnoCommand.commandLine();
    private final StringWriter err = new StringWriter();
    private EapiServer eapi;

    @AfterEach
    void stop() {
        runner.shutdownNow();
        if (eapi != null) {
            eapi.close();
        }
    }

    private Future<Integer> runInBackground(String... args) {
        cli.setOut(new PrintWriter(new LineQueue(lines), true));
        cli.setErr(new PrintWriter(err, true));
        return runner.submit(() -> cli.execute(args));
    }

    private ServeCommand serve() {
        return cli.getSubcommands().get("serve").getCommand();
    }

    private Path file(String name, String text) throws IOException {
        Path path = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        return path;
    }

    /** A simulated switch served as eAPI on loopback, and a configuration of the arista backend for it. */
    private Path aristaConfig(SimulatedSwitch simulated) throws IOException {
        eapi = EapiServer.start(simulated, new InetSocketAddress("127.0.0.1", 0), "dumbno", "sim-pw", null);
        return file("dumbno.cfg", String.join("\n", "[switch]", "backend = arista", "scheme = http",
                "ip = 127.0.0.1:" + eapi.address().getPort(), "user = dumbno", "password = sim-pw", "",
                "[ports]", "Ethernet1 = bulk_1", "", "[egress_ports]", "Ethernet2 = tool1", "",
                "[dumbno]", "listen = 127.0.0.1:0", ""));
    }

    @Test
    void thePythonDummyCfgLoads() throws IOException {
        DumbnoConfig config = DumbnoConfig.load(file("dummy.cfg", PYTHON_DUMMY_CFG), Map.of());

        assertEquals(Backend.DUMMY, config.backend());
        assertEquals(Map.of(), config.ports());
    }

    @Test
    void thePythonDummyCfgServesUnderTheOldCommandForm() throws Exception {
        Path config = file("dummy.cfg", PYTHON_DUMMY_CFG + "[dumbno]\nlisten = 127.0.0.1:0\n");
        Future<Integer> exit = runInBackground(config.toString());
        Daemon daemon = serve().awaitStarted(Duration.ofSeconds(30));
        assertNotNull(daemon, err::toString);

        try (ACLClient client = ACLClient.builder().server("127.0.0.1", daemon.listening().get(0).getPort()).build()) {
            for (int port = 1; port <= 3; port++) {
                assertEquals("ok", client.addAcl("10.1.2.3", "192.0.2.9", "tcp", null, port));
            }
            assertEquals("ok", client.removeAcl("10.1.2.3", "192.0.2.9", "tcp", null, 1));
        }
        assertEquals(List.of(), daemon.manager().active(), "the dummy switch keeps nothing");

        serve().stop();
        assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void cfgSetupSetsTheSwitchUpThenServes() throws Exception {
        SimulatedSwitch simulated = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
        Path config = aristaConfig(simulated);

        Future<Integer> exit = runInBackground(config.toString(), "setup");
        Daemon daemon = serve().awaitStarted(Duration.ofSeconds(30));
        assertNotNull(daemon, err::toString);

        assertEquals(List.of("bulk_1"), simulated.accessLists(Family.IP));
        assertEquals(Map.of(Family.IP, "bulk_1", Family.IPV6, "bulk_1"), simulated.boundAcls("Ethernet1"));
        try (ACLClient client = ACLClient.builder().server("127.0.0.1", daemon.listening().get(0).getPort()).build()) {
            assertEquals("ok", client.addAcl("10.1.2.3", null, null, null, null));
        }
        serve().stop();
        assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void cfgAloneServesAsServeDoesKeepingTheLayoutAtStart() throws Exception {
        SimulatedSwitch simulated = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
        Path config = aristaConfig(simulated);

        Future<Integer> exit = runInBackground(config.toString());
        assertNotNull(serve().awaitStarted(Duration.ofSeconds(30)), err::toString);

        assertEquals(List.of("bulk_1"), simulated.accessLists(Family.IP), "put in place by the layout check at start");
        assertTrue(simulated.countsPerEntry("bulk_1", Family.IP));
        assertEquals(Map.of(Family.IP, "bulk_1", Family.IPV6, "bulk_1"), simulated.boundAcls("Ethernet1"));
        serve().stop();
        assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void cfgStatsPrintsTotalsThenBandwidthEveryFiveSeconds() throws Exception {
        SimulatedSwitch simulated = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
        Path config = aristaConfig(simulated);

        Future<Integer> exit = runInBackground(config.toString(), "stats");

        String totals = lines.poll(30, TimeUnit.SECONDS);
        simulated.advanceCounters("Ethernet1", 625_000_000, 0);
        long before = System.nanoTime();
        String rates = lines.poll(30, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - before);
        exit.cancel(true);

        assertEquals("total gigs: in=0.0 out=0.0 filtered=0.0", totals, err::toString);
        assertNotNull(rates, "no mbps line");
        assertTrue(rates.startsWith("mbps: in=1000.0 out=0.0"), rates);
        assertTrue(waited.compareTo(Duration.ofSeconds(3)) > 0, "the first line came after " + waited);
    }

    @Test
    void anythingElseAfterCfgIsABadCommandLine() throws IOException {
        Path config = file("dummy.cfg", PYTHON_DUMMY_CFG);

        Run other = RunningDaemon.run(config.toString(), "purge");
        Run typo = RunningDaemon.run("lsit");

        assertEquals(ExitCodes.USAGE, other.code());
        assertEquals("dumbno: after CFG comes setup, stats or nothing, not 'purge' (see 'dumbno --help')" + NL,
                other.err());
        assertEquals(ExitCodes.USAGE, typo.code());
        assertEquals("dumbno: 'lsit' is neither a command nor a configuration file (see 'dumbno --help')" + NL,
                typo.err());
    }

    @Test
    void aCommandAfterCfgOtherThanSetupOrStatsIsABadCommandLine() throws IOException {
        Path config = file("dummy.cfg", PYTHON_DUMMY_CFG);

        Run list = RunningDaemon.run(config.toString(), "list");

        assertEquals(ExitCodes.USAGE, list.code());
        assertEquals("dumbno: after CFG comes setup, stats or nothing, not 'list' (see 'dumbno --help')" + NL,
                list.err());
    }

    @Test
    void aCommandWithoutCfgReadsTheInstalledOne() {
        Run list = RunningDaemon.run("list");

        assertTrue(list.err().contains(Cfg.DEFAULT), list.err());
    }

    /** Hands every complete line written to it to a queue. */
    private static final class LineQueue extends Writer {
        private final BlockingQueue<String> queue;
        private final StringBuilder line = new StringBuilder();

        LineQueue(BlockingQueue<String> queue) {
            this.queue = queue;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    queue.add(line.toString());
                    line.setLength(0);
                } else if (chars[i] != '\r') {
                    line.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
