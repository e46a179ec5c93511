package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulatedSectionTest {
    private static final String HEAD = "[switch]\nbackend = simulated\n[ports]\nEthernet1 = bulk_1\n[simulated]\n";

    @RegisterExtension
    final ConfigFiles files = new ConfigFiles();

    @Test
    void defaults() {
        SimulatedSettings simulated = files.load(HEAD).simulated();

        assertEquals(new InetSocketAddress("127.0.0.1", 8080), simulated.eapiListen());
        assertEquals("dumbno", simulated.user());
        assertEquals("dumbno", simulated.password().reveal());
        assertEquals(Duration.ZERO, simulated.latency());
        assertFalse(simulated.hasTcamLimit());
        assertEquals(SimulatedSettings.Traffic.NONE, simulated.traffic());
    }

    @Test
    void everyKeyIsRead() {
        SimulatedSettings simulated = files.load(HEAD + """
                eapi_listen = [::1]:8443
                user = admin
                password = pw
                latency_ms = 25
                tcam_capacity = 1024
                traffic = Demo
                """).simulated();

        assertEquals(new InetSocketAddress("::1", 8443), simulated.eapiListen());
        assertEquals("admin", simulated.user());
        assertEquals("pw", simulated.password().reveal());
        assertEquals(Duration.ofMillis(25), simulated.latency());
        assertTrue(simulated.hasTcamLimit());
        assertEquals(1024, simulated.tcamCapacity());
        assertEquals(SimulatedSettings.Traffic.DEMO, simulated.traffic());
    }

    @Test
    void unknownTrafficIsNamed() {
        assertEquals(files.prefix() + "[simulated] traffic = heavy: not none or demo",
                files.failure(HEAD + "traffic = heavy\n"));
    }

    @Test
    void eapiListenMayUsePortZeroForAnyFreePort() {
        assertEquals(0, files.load(HEAD + "eapi_listen = 127.0.0.1:0\n").simulated().eapiListen().getPort());
    }

    @Test
    void negativeLatencyIsRefused() {
        assertEquals(files.prefix() + "[simulated] latency_ms = -1: must not be negative",
                files.failure(HEAD + "latency_ms = -1\n"));
    }

    @Test
    void negativeCapacityIsRefused() {
        assertEquals(files.prefix() + "[simulated] tcam_capacity = -3: must not be negative",
                files.failure(HEAD + "tcam_capacity = -3\n"));
    }

    @Test
    void badEapiListenIsNamed() {
        assertEquals(files.prefix() + "[simulated] eapi_listen = 127.0.0.1: no port (write host:port, IPv6 as [::1]:9000)",
                files.failure(HEAD + "eapi_listen = 127.0.0.1\n"));
    }
}
