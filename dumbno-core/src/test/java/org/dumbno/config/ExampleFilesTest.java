package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleFilesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Map<String, String> PORTS = Map.of(
            "Ethernet1", "bulk_1", "Ethernet2", "bulk_1", "Ethernet3", "bulk_2", "Ethernet4", "bulk_2");

    /** The example of SPEC.md, inline comments and all. */
    private static final String SPEC_EXAMPLE = """
            [switch]
            backend = arista          ; arista | simulated | dummy
            scheme = https            ; https | http
            ip = 192.0.2.1            ; host or host:port of eAPI
            user = dumbno
            password = secret         ; or password_file = /etc/dumbno/eapi.pass
            verify_tls = true         ; new: false only by explicit choice
            timeout = 10              ; new: seconds per eAPI call

            [ports]                   ; ingress interface = ACL name
            Ethernet1 = bulk_1

            [egress_ports]            ; tool-facing interfaces, for the bandwidth stats
            Ethernet11 = tool1

            [two_tuple_hosts]         ; one address per line
            192.0.2.50 =

            [dumbno]                  ; new section, every key optional
            listen = 0.0.0.0:9000
            purge_interval = 30
            hard_timeout = 0          ; seconds, 0 = never
            seq_min = 500
            seq_max = 100000
            max_rules = 0             ; active shunts at most, 0 = only the sequence range limits
            allow_clients = 10.0.0.0/8, 127.0.0.1      ; empty = anyone may ask
            never_shunt = 192.0.2.53/32, 2001:db8::/64  ; these networks are never shunted
            metrics_listen = 127.0.0.1:9100             ; empty = off
            """;

    @TempDir
    Path dir;

    @Test
    void originalShapeLoadsWithEveryNewKeyAtItsDefault() {
        DumbnoConfig config = DumbnoConfig.load(EXAMPLES.resolve("example_dumbno.cfg"), Map.of());

        SwitchSettings sw = config.switchSettings();
        assertEquals(Backend.ARISTA, sw.backend());
        assertEquals("https://192.0.2.1:443/command-api", sw.commandApi().toString());
        assertEquals("dumbno", sw.user());
        assertEquals("secret", sw.password().reveal());
        assertEquals(PORTS, config.ports());
        assertEquals(List.of("Ethernet1", "Ethernet2", "Ethernet3", "Ethernet4"), List.copyOf(config.ports().keySet()));
        assertEquals(Map.of("Ethernet11", "tool1", "Ethernet12", "tool2"), config.egressPorts());
        assertEquals(Set.of(new IPAddressString("192.0.2.50").getAddress(),
                new IPAddressString("2001:db8::50").getAddress()), config.twoTupleHosts());
        assertEquals(DumbnoSettings.defaults(), config.dumbno());
        assertEquals(SimulatedSettings.defaults(), config.simulated());
    }

    @Test
    void quickStartRunsTheSimulatedBackendOnLoopback() {
        DumbnoConfig config = DumbnoConfig.load(EXAMPLES.resolve("simulated.cfg"), Map.of());

        assertEquals(Backend.SIMULATED, config.backend());
        assertEquals(PORTS, config.ports());
        assertEquals(List.of("bulk_1", "bulk_2"), List.copyOf(config.aclNames()));
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9000)), config.dumbno().listen());
        assertEquals(Duration.ofSeconds(10), config.dumbno().purgeInterval());
        assertEquals(new InetSocketAddress("127.0.0.1", 8080), config.simulated().eapiListen());
        assertEquals(SimulatedSettings.Traffic.DEMO, config.simulated().traffic());
        assertEquals(2, config.twoTupleHosts().size());
        assertTrue(config.dumbno().metricsListen().isEmpty());
    }

    @Test
    void eapiSimulateExampleReachesDumbnoSimulateOverHttp() {
        DumbnoConfig config = DumbnoConfig.load(EXAMPLES.resolve("eapi-simulate.cfg"), Map.of());

        assertEquals(Backend.ARISTA, config.backend());
        assertEquals("http://127.0.0.1:8080/command-api", config.switchSettings().commandApi().toString());
        assertEquals("dumbno", config.switchSettings().user());
        assertEquals("dumbno", config.switchSettings().password().reveal());
        assertEquals(PORTS, config.ports());
    }

    @Test
    void dummyExampleNeedsNoSwitch() {
        DumbnoConfig config = DumbnoConfig.load(EXAMPLES.resolve("dummy.cfg"), Map.of());

        assertEquals(Backend.DUMMY, config.backend());
        assertEquals(PORTS, config.ports());
        assertTrue(config.switchSettings().password().isEmpty());
    }

    @Test
    void specExampleWithInlineCommentsLoads() {
        DumbnoConfig config = new ConfigFiles(dir).load(SPEC_EXAMPLE);

        assertEquals("192.0.2.1", config.switchSettings().host());
        assertEquals("secret", config.switchSettings().password().reveal());
        assertEquals(Duration.ofSeconds(10), config.switchSettings().timeout());
        assertEquals(Map.of("Ethernet1", "bulk_1"), config.ports());
        assertEquals(Map.of("Ethernet11", "tool1"), config.egressPorts());
        assertEquals(List.of("10.0.0.0/8", "127.0.0.1/32"),
                config.dumbno().allowClients().stream().map(Object::toString).toList());
        assertEquals(List.of("192.0.2.53/32", "2001:db8::/64"),
                config.dumbno().neverShunt().stream().map(Object::toString).toList());
        assertEquals(new InetSocketAddress("127.0.0.1", 9100), config.dumbno().metricsListen().orElseThrow());
    }
}
