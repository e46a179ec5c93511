package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.dumbno.acl.SwitchException;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.server.ServerStats;
import org.dumbno.testing.Await;
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
    void closeAnswersARequestTheSwitchCannotTakeWithExactlyOneReply() throws Exception {
        Daemon daemon = TestDaemons.start(s -> s);
        daemon.simulatedSwitch().orElseThrow().outage(Duration.ofDays(1));
        try (DatagramSocket sensor = new DatagramSocket(TestDaemons.loopback(0))) {
            sensor.setSoTimeout(10_000);
            byte[] request = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\"}".getBytes(StandardCharsets.UTF_8);
            sensor.send(new DatagramPacket(request, request.length, daemon.listening().get(0)));
            assertTrue(awaitCondition(() -> daemon.manager().queueDepth() == 1, Duration.ofSeconds(10)),
                    "the request never reached the engine's queue");

            daemon.close();

            assertEquals("error: dumbno is shutting down", receive(sensor));
            ServerStats stats = daemon.serverStats();
            assertEquals(1, stats.received());
            assertEquals(1, stats.answered());
            assertEquals(0, stats.sendFailures());
        }
    }

    @Test
    void aServerThatStopsReceivingStopsTheDaemonAndIsReportedAsItsFailure() throws Exception {
        Daemon daemon = TestDaemons.start(s -> s);
        assertTrue(daemon.failure().isEmpty());
        IOException broken = new IOException("selector broke");

        daemon.serverFailed(broken);

        assertTrue(daemon.awaitTermination(Duration.ofSeconds(10)), "the daemon did not stop");
        assertEquals(Optional.of(broken), daemon.failure());
    }

    @Test
    void aDaemonClosedOnPurposeHasNoFailure() throws Exception {
        Daemon daemon = TestDaemons.start(s -> s);

        daemon.close();

        assertTrue(daemon.failure().isEmpty());
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
        socket.receive(reply);
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
    }

    private static boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
        return Await.until(condition, timeout);
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
