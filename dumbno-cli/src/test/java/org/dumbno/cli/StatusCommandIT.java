package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.cli.RunningDaemon.Run;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dumbno status} against a simulated switch served as eAPI: healthy, unreachable, broken. */
@Timeout(60)
class StatusCommandIT {
    private static final String NL = System.lineSeparator();
    private static final java.util.Map<String, String> PORTS = java.util.Map.of("Ethernet1", "bulk_1",
            "Ethernet2", "bulk_1", "Ethernet3", "bulk_2");

    @TempDir
    Path dir;

    private final SimulatedSwitch simulated = SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
    private EapiServer eapi;

    @AfterEach
    void stop() {
        if (eapi != null) {
            eapi.close();
        }
    }

    private Path config(int port, String password, String dumbno) throws IOException {
        Path path = Files.writeString(dir.resolve("dumbno.cfg"), String.join("\n", "[switch]", "backend = arista",
                "scheme = http", "ip = 127.0.0.1:" + port, "user = dumbno", "password = " + password, "",
                "[ports]", "Ethernet1 = bulk_1", "Ethernet2 = bulk_1", "Ethernet3 = bulk_2", "",
                "[dumbno]", dumbno, ""));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        return path;
    }

    /** The simulated switch, set up as dumbno setup leaves it, served on loopback; its configuration. */
    private Path served(String dumbno) throws IOException, SwitchException {
        EosSwitch.of(simulated, PORTS).setup();
        eapi = EapiServer.start(simulated, new InetSocketAddress("127.0.0.1", 0), "dumbno", "sim-pw", null);
        return config(eapi.address().getPort(), "sim-pw", dumbno);
    }

    private void run(String... commands) throws SwitchException {
        List<String> all = new java.util.ArrayList<>(List.of("enable", "configure"));
        all.addAll(List.of(commands));
        simulated.runCmds(all);
    }

    private static List<String> checks(Run status) {
        return status.out().lines().map(line -> line.substring(0, 20).strip()).toList();
    }

    @Test
    void aHealthySwitchPassesEveryCheck() throws Exception {
        Path config = served("max_rules = 10");
        run("ip access-list bulk_1", "501 deny ip host 10.0.0.1 any", "ip access-list bulk_2",
                "501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.2 any");

        Run status = RunningDaemon.run("status", config.toString());

        assertEquals(ExitCodes.OK, status.code(), status.out() + status.err());
        assertEquals(List.of("ok   reachable", "ok   credentials", "ok   lists", "ok   counters", "ok   permits",
                "ok   bindings", "ok   default-result", "ok   capacity"), checks(status));
        assertTrue(status.out().contains("ok   capacity        2 of 10 shunts (max_rules)" + NL), status.out());
    }

    @Test
    void anUnreachableSwitchFailsTheFirstCheckAndSkipsTheRest() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path config = config(closed, "sim-pw", "");

        Run status = RunningDaemon.run("status", config.toString());

        assertEquals(ExitCodes.UNREACHABLE, status.code(), status.out() + status.err());
        assertEquals(List.of("FAIL reachable", "skip credentials", "skip lists", "skip counters", "skip permits",
                "skip bindings", "skip default-result", "skip capacity"), checks(status));
    }

    @Test
    void refusedCredentialsFailTheSecondCheck() throws Exception {
        Path config = served("");
        Files.writeString(config, Files.readString(config).replace("password = sim-pw", "password = wrong"));

        Run status = RunningDaemon.run("status", config.toString());

        assertEquals(ExitCodes.FAILED, status.code(), status.out() + status.err());
        assertEquals(List.of("ok   reachable", "FAIL credentials"), checks(status).subList(0, 2));
        assertTrue(status.out().lines().skip(2).allMatch(line -> line.startsWith("skip")), status.out());
    }

    @Test
    void aBrokenLayoutFailsTheChecksItBreaksAndOnlyThose() throws Exception {
        Path config = served("max_rules = 1");
        run("ip access-list bulk_1", "no counters per-entry", "no 20", "501 deny ip host 10.0.0.1 any",
                "interface Ethernet3", "no ip access-group bulk_2 in",
                "no hardware access-list update default-result permit", "no ipv6 access-list bulk_2");

        Run status = RunningDaemon.run("status", config.toString());

        assertEquals(ExitCodes.FAILED, status.code(), status.out() + status.err());
        assertEquals(List.of("ok   reachable", "ok   credentials", "FAIL lists", "FAIL counters", "FAIL permits",
                "FAIL bindings", "FAIL default-result", "FAIL capacity"), checks(status), status.out());
        assertTrue(status.out().contains("ipv6 access-list bulk_2"), status.out());
        assertTrue(status.out().contains("1 shunts and max_rules is 1"), status.out());
    }
}
