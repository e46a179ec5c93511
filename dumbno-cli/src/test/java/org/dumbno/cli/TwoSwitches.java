package org.dumbno.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dumbno.eos.EosSwitch;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;

/**
 * Two simulated switches, {@code main} and {@code edge2}, each served as eAPI on loopback as
 * {@code dumbno simulate} serves one, and the configuration naming both that a command is given;
 * {@code edge2} can instead be a port where nothing answers.
 */
final class TwoSwitches implements AutoCloseable {
    static final String PASSWORD = "sim-pw";
    /** The ports of each switch: bulk_1 on Ethernet1-2, bulk_2 on Ethernet3. */
    static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_1",
            "Ethernet3", "bulk_2");

    final SimulatedSwitch main = simulated();
    final SimulatedSwitch edge2 = simulated();
    private final List<EapiServer> servers = new ArrayList<>();
    private final Path config;

    private TwoSwitches(Path dir, boolean edge2Reachable, String dumbno) throws IOException {
        int mainPort = serve(main);
        int edge2Port = edge2Reachable ? serve(edge2) : closedPort();
        config = Files.writeString(dir.resolve("two-switches.cfg"), String.join("\n",
                "[switch]", "backend = arista", "scheme = http", "ip = 127.0.0.1:" + mainPort,
                "user = dumbno", "password = " + PASSWORD,
                "[ports]", "Ethernet1 = bulk_1", "Ethernet2 = bulk_1", "Ethernet3 = bulk_2",
                "[egress_ports]", "Ethernet11 = tool1",
                "[switch edge2]", "backend = arista", "scheme = http", "ip = 127.0.0.1:" + edge2Port,
                "user = dumbno", "password = " + PASSWORD,
                "[ports edge2]", "Ethernet1 = bulk_1", "Ethernet2 = bulk_1", "Ethernet3 = bulk_2",
                "[egress_ports edge2]", "Ethernet11 = tool1",
                "[dumbno]", dumbno, ""));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    /** Both switches answer; {@code dumbno} goes into the {@code [dumbno]} section. */
    static TwoSwitches start(Path dir, String dumbno) throws IOException {
        return new TwoSwitches(dir, true, dumbno);
    }

    /** {@code main} answers, nothing answers where {@code edge2} should. */
    static TwoSwitches withEdge2Unreachable(Path dir) throws IOException {
        return new TwoSwitches(dir, false, "");
    }

    private static SimulatedSwitch simulated() {
        return SimulatedSwitch.builder().interfaces("Ethernet1-4").egress("Ethernet11-12").build();
    }

    private int serve(SimulatedSwitch simulated) throws IOException {
        EapiServer server = EapiServer.start(simulated, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                "dumbno", PASSWORD, null);
        servers.add(server);
        return server.address().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Path config() {
        return config;
    }

    /** Sets both switches up as {@code dumbno setup} leaves them. */
    TwoSwitches setUp() throws SwitchException {
        EosSwitch.of(main, PORTS).setup();
        EosSwitch.of(edge2, PORTS).setup();
        return this;
    }

    /** Sets {@code main} up as {@code dumbno setup} leaves it. */
    void setUpMain() throws SwitchException {
        EosSwitch.of(main, PORTS).setup();
    }

    /** Runs configuration commands on {@code simulated}. */
    static void configure(SimulatedSwitch simulated, String... commands) throws SwitchException {
        List<String> all = new ArrayList<>(List.of("enable", "configure"));
        all.addAll(List.of(commands));
        simulated.runCmds(all);
    }

    /** The deny lines of one IPv4 list of {@code simulated}, as "SEQ TEXT". */
    static List<String> denies(SimulatedSwitch simulated, String acl) {
        return simulated.entries(acl, Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .map(e -> e.sequence() + " " + e.text()).toList();
    }

    @Override
    public void close() {
        servers.forEach(EapiServer::close);
    }
}
