package org.dumbno.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.SwitchException;
import org.dumbno.config.Backend;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.config.SimulatedSettings;
import org.dumbno.config.SwitchSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.eapi.EapiTransport;
import org.dumbno.testing.Addrs;
import org.dumbno.testing.Sensor;

/** Daemons on loopback for tests, and what a sensor and a second process do with them. */
final class TestDaemons {
    static final String PASSWORD = "sim-password";
    static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_1",
            "Ethernet3", "bulk_2", "Ethernet4", "bulk_2");

    private TestDaemons() {
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(Addrs.ip("127.0.0.1").toInetAddress(), port);
    }

    /**
     * Like examples/simulated.cfg, on ports the system picks; {@code dumbno} adjusts the
     * {@code [dumbno]} section, which starts with no allow-list, no never_shunt and a generous rate.
     */
    static DumbnoConfig config(UnaryOperator<DumbnoSettings.Builder> dumbno) {
        DumbnoConfig.Builder builder = DumbnoConfig.builder()
                .switchSettings(SwitchSettings.builder().backend(Backend.SIMULATED).build())
                .port("Ethernet1", "bulk_1").port("Ethernet2", "bulk_1")
                .port("Ethernet3", "bulk_2").port("Ethernet4", "bulk_2")
                .egressPort("Ethernet11", "tool1").egressPort("Ethernet12", "tool2")
                .twoTupleHost(Addrs.ip("192.0.2.50"))
                .dumbno(dumbno.apply(DumbnoSettings.builder().listen(List.of(loopback(0)))
                        .rateLimit(10_000).rateBurst(100_000)).build())
                .simulated(new SimulatedSettings(loopback(0), "dumbno",
                        org.dumbno.config.Secret.of(PASSWORD), Duration.ZERO, 0));
        return builder.build();
    }

    /** {@code base} with a {@code [zeek]} section naming {@code websocket}. */
    static DumbnoConfig withZeek(DumbnoConfig base, java.net.URI websocket) {
        return new DumbnoConfig(base.switchSettings(), base.ports(), base.egressPorts(), base.twoTupleHosts(),
                base.dumbno(), base.simulated(), Optional.of(org.dumbno.config.ZeekSettings.of(websocket)));
    }

    static Daemon start(UnaryOperator<DumbnoSettings.Builder> dumbno) throws IOException {
        return Daemon.start(config(dumbno), Daemon.Options.defaults());
    }

    /** Sends one datagram from 127.0.0.1 and returns the reply, or fails after five seconds. */
    static String ask(Daemon daemon, String datagram) throws IOException {
        return ask(daemon, datagram.getBytes(StandardCharsets.UTF_8));
    }

    static String ask(Daemon daemon, byte[] datagram) throws IOException {
        try (Sensor sensor = new Sensor(daemon.listening().get(0))) {
            sensor.send(datagram);
            String reply = sensor.receive(Duration.ofSeconds(5));
            if (reply == null) {
                throw new AssertionError("no reply within 5 s to " + new String(datagram, StandardCharsets.UTF_8));
            }
            return reply;
        }
    }

    /** The managed ACLs as another process sees them: over eAPI to the daemon's eapi_listen. */
    static Map<AclKey, List<AclEntry>> readAsSecondProcess(Daemon daemon) throws SwitchException {
        InetSocketAddress eapi = daemon.simulatedEapi().orElseThrow();
        try (EapiTransport transport = EapiTransport.builder().scheme("http").host("127.0.0.1")
                .port(eapi.getPort()).user("dumbno").password(PASSWORD).build()) {
            return EosSwitch.of(transport, PORTS).readAcls();
        }
    }

    /** Deny entries over every managed ACL. */
    static long denyCount(Daemon daemon) throws SwitchException {
        return readAsSecondProcess(daemon).values().stream().flatMap(List::stream).filter(AclEntry::isDeny).count();
    }

    static Optional<AclEntry> find(List<AclEntry> entries, org.dumbno.rule.Rule rule) {
        return entries.stream().filter(e -> rule.equals(e.rule())).findFirst();
    }
}
