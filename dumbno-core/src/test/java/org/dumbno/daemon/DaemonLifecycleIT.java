package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.eos.SwitchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, stopping, and failing to start. */
@Timeout(30)
class DaemonLifecycleIT {

    @Test
    void closeAnswersAndStopsEverythingInReverse() throws Exception {
        Daemon daemon = TestDaemons.start(s -> s);
        int eapiPort = daemon.simulatedEapi().orElseThrow().getPort();
        assertEquals("ok", TestDaemons.ask(daemon, "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\"}"));

        daemon.close();
        daemon.close();

        assertTrue(daemon.awaitTermination(Duration.ofSeconds(5)));
        assertEquals(1, daemon.serverStats().ok());
        SwitchException gone = assertThrows(SwitchException.class, () -> TestDaemons.readAsSecondProcess(daemon));
        assertTrue(gone.getMessage().contains("connection refused"), gone.getMessage());
        try (ServerSocket again = new ServerSocket(eapiPort, 1, TestDaemons.loopback(0).getAddress())) {
            assertEquals(eapiPort, again.getLocalPort(), "the eAPI port was released");
        }
    }

    @Test
    void aTakenUdpPortFailsTheStartNamingTheAddress() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(TestDaemons.loopback(0))) {
            DumbnoConfig config = TestDaemons.config(s -> s.listen(List.of(TestDaemons.loopback(taken.getLocalPort()))));

            BindException e = assertThrows(BindException.class, () -> Daemon.start(config, Daemon.Options.defaults()));

            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void aTakenEapiPortIsNamedInTheError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, TestDaemons.loopback(0).getAddress())) {
            DumbnoConfig base = TestDaemons.config(s -> s);
            DumbnoConfig config = DumbnoConfig.builder()
                    .switchSettings(base.switchSettings())
                    .port("Ethernet1", "bulk_1")
                    .dumbno(base.dumbno())
                    .simulated(new org.dumbno.config.SimulatedSettings(TestDaemons.loopback(taken.getLocalPort()),
                            "dumbno", org.dumbno.config.Secret.of("x"), Duration.ZERO, 0))
                    .build();

            BindException e = assertThrows(BindException.class, () -> Daemon.start(config, Daemon.Options.defaults()));

            assertEquals("cannot serve the simulated switch on 127.0.0.1:" + taken.getLocalPort()
                    + " ([simulated] eapi_listen): Address already in use", e.getMessage());
        }
    }
}
