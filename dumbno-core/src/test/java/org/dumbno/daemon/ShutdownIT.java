package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing, as SIGTERM does, while the switch fails every call: it ends within the shutdown
 * timeout, without calling the switch over and over, and every request received is answered.
 */
@Timeout(60)
class ShutdownIT {
    private static final int REQUESTS = 50;

    @Test
    void aSwitchFailingEveryCallNeitherHoldsUpNorSpinsTheShutdown() throws Exception {
        Daemon daemon = TestDaemons.start(s -> s);
        SimulatedSwitch sim = daemon.simulatedSwitch().orElseThrow();
        sim.failNextCalls(Integer.MAX_VALUE);
        try (DatagramSocket sensor = new DatagramSocket(TestDaemons.loopback(0))) {
            sensor.setSoTimeout(20_000);
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = ("{\"src\": \"10.0.0." + (i + 1) + "\", \"dst\": \"192.0.2.9\"}")
                        .getBytes(StandardCharsets.UTF_8);
                sensor.send(new DatagramPacket(request, request.length, daemon.listening().get(0)));
            }
            assertTrue(Await.until(() -> daemon.serverStats().received() == REQUESTS, Duration.ofSeconds(10)));
            long callsBefore = sim.calls();
            long started = System.nanoTime();

            daemon.close();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            long calls = sim.calls() - callsBefore;
            assertTrue(took.compareTo(DumbnoSettings.DEFAULT_SHUTDOWN_TIMEOUT) < 0, "took " + took);
            assertTrue(calls <= 2, calls + " eAPI calls while closing");
            Map<String, Integer> replies = new TreeMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                replies.merge(receive(sensor), 1, Integer::sum);
            }
            assertEquals(Map.of("error: dumbno is shutting down", REQUESTS), replies);
        }
    }

    @Test
    void aSwitchCallThatOutlastsTheShutdownTimeoutDoesNotHoldUpTheShutdown() throws Exception {
        Duration timeout = Duration.ofSeconds(2);
        Daemon daemon = TestDaemons.start(s -> s.shutdownTimeout(timeout));
        SimulatedSwitch sim = daemon.simulatedSwitch().orElseThrow();
        sim.latency(Duration.ofSeconds(20));
        try (DatagramSocket sensor = new DatagramSocket(TestDaemons.loopback(0))) {
            sensor.setSoTimeout(20_000);
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = ("{\"src\": \"10.0.1." + (i + 1) + "\", \"dst\": \"192.0.2.9\"}")
                        .getBytes(StandardCharsets.UTF_8);
                sensor.send(new DatagramPacket(request, request.length, daemon.listening().get(0)));
            }
            assertTrue(Await.until(() -> daemon.serverStats().received() == REQUESTS
                    && daemon.manager().queueDepth() < REQUESTS, Duration.ofSeconds(10)),
                    "no request reached the switch call that hangs");
            long started = System.nanoTime();

            daemon.close();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(timeout.plusSeconds(1)) < 0, "took " + took);
            Map<String, Integer> replies = new TreeMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                replies.merge(receive(sensor), 1, Integer::sum);
            }
            assertEquals(Map.of("error: dumbno is shutting down", REQUESTS), replies);
        }
    }

    private static String receive(DatagramSocket sensor) throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        sensor.receive(reply);
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
    }
}
