package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.SwitchException;
import org.dumbno.config.Backend;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.SimulatedSettings;
import org.dumbno.config.SwitchSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.eos.eapi.EapiTransport;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which transport each backend and role gets. */
@Timeout(30)
class SwitchesIT {

    @Test
    void dummyIsTheDummySwitchForEveryRoleWithoutATransport() throws IOException {
        DumbnoConfig config = DumbnoConfig.builder().port("Ethernet1", "bulk_1").build();

        try (AclSwitch host = Switches.open(config, Switches.Role.HOST, "dummy.cfg");
                AclSwitch client = Switches.open(config, Switches.Role.CLIENT, "dummy.cfg")) {
            for (AclSwitch dummy : List.of(host, client)) {
                assertEquals("dummy", dummy.describe());
                assertFalse(dummy instanceof EosSwitch, dummy.toString());
                assertEquals(List.of(new AclKey("bulk_1", Family.IP), new AclKey("bulk_1", Family.IPV6)), dummy.acls());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Switches.connect(config, Switches.Role.HOST));
    }

    @Test
    void aReplyMayHoldEveryNumberOfTheRangeInEveryListWithRoomToSpare() {
        DumbnoConfig one = DumbnoConfig.builder().port("Ethernet1", "bulk_1").port("Ethernet2", "bulk_1").build();
        DumbnoConfig four = DumbnoConfig.builder().port("Ethernet1", "bulk_1").port("Ethernet2", "bulk_2")
                .port("Ethernet3", "bulk_3").port("Ethernet4", "bulk_4").build();

        long perName = 2 * ((100_000 - 500) / 2 + 8) * Switches.BYTES_PER_LINE;
        assertEquals(perName, Switches.maxReply(one), "one ACL name, ip and ipv6, the default range");
        assertEquals(4 * perName, Switches.maxReply(four));
        assertTrue(perName > 49_750 * 2 * 400, "more than a 400-byte line under every odd number");
    }

    @Test
    void aristaIsEapiToTheConfiguredSwitch() throws IOException {
        DumbnoConfig config = DumbnoConfig.builder()
                .switchSettings(SwitchSettings.builder().host("192.0.2.1").port(8443).user("dumbno")
                        .password(org.dumbno.config.Secret.of("pw")).build())
                .port("Ethernet1", "bulk_1").build();

        try (Transport transport = Switches.connect(config, Switches.Role.CLIENT)) {
            assertInstanceOf(EapiTransport.class, transport);
            assertEquals("https://192.0.2.1:8443", transport.describe());
        }
    }

    @Test
    void aClientWithNoServerRunningIsToldToStartOne() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, TestDaemons.loopback(0).getAddress())) {
            free = probe.getLocalPort();
        }
        DumbnoConfig config = DumbnoConfig.builder()
                .switchSettings(SwitchSettings.builder().backend(Backend.SIMULATED).build())
                .port("Ethernet1", "bulk_1")
                .simulated(new SimulatedSettings(TestDaemons.loopback(free), "dumbno",
                        org.dumbno.config.Secret.of("pw"), Duration.ZERO, 0))
                .build();

        try (Transport transport = Switches.connect(config, Switches.Role.CLIENT, "lab.cfg")) {
            SwitchException e = assertThrows(SwitchException.class, () -> transport.runCmds(List.of("show version")));
            assertEquals("no simulated switch at 127.0.0.1:" + free + ": start \"dumbno serve lab.cfg\" first",
                    e.getMessage());
        }
    }

    @Test
    void aClientReachesTheHostedSimulatedSwitch() throws IOException {
        try (Daemon daemon = TestDaemons.start(s -> s)) {
            DumbnoConfig base = TestDaemons.config(s -> s);
            DumbnoConfig config = DumbnoConfig.builder()
                    .switchSettings(base.switchSettings()).port("Ethernet1", "bulk_1")
                    .simulated(new SimulatedSettings(daemon.simulatedEapi().orElseThrow(), "dumbno",
                            org.dumbno.config.Secret.of(TestDaemons.PASSWORD), Duration.ZERO, 0))
                    .build();

            try (Transport transport = Switches.connect(config, Switches.Role.CLIENT)) {
                String version = transport.runCmds(List.of("show hostname")).get(0).get("hostname").getAsString();
                assertTrue(version.startsWith("dumbno-sim"), version);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatedSettings.Traffic.class)
    void aHostRunsDemoTrafficOnlyWhenAskedAndStopsItOnClose(SimulatedSettings.Traffic traffic)
            throws IOException, InterruptedException {
        DumbnoConfig config = DumbnoConfig.builder()
                .switchSettings(SwitchSettings.builder().backend(Backend.SIMULATED).build())
                .port("Ethernet1", "bulk_1").egressPort("Ethernet11", "tool1")
                .simulated(new SimulatedSettings(TestDaemons.loopback(0), "dumbno",
                        org.dumbno.config.Secret.of("pw"), Duration.ZERO, 0, traffic))
                .build();

        SimulatedHost host = (SimulatedHost) Switches.connect(config, Switches.Role.HOST);
        try (host) {
            assertEquals(traffic == SimulatedSettings.Traffic.DEMO, host.trafficRunning());
            if (traffic == SimulatedSettings.Traffic.DEMO) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (inOctets(host) == 0 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
                assertTrue(inOctets(host) > 0, "background traffic arrives within a few ticks");
            } else {
                assertEquals(0, inOctets(host));
            }
        }
        assertFalse(host.trafficRunning());
    }

    private static long inOctets(SimulatedHost host) {
        try {
            return host.runCmds(List.of("show interfaces counters")).get(0).getAsJsonObject("interfaces")
                    .getAsJsonObject("Ethernet1").get("inOctets").getAsLong();
        } catch (SwitchException e) {
            throw new AssertionError(e);
        }
    }
}
