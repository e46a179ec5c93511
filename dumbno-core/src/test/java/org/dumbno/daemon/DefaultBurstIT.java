package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dumbno.config.Backend;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.config.Secret;
import org.dumbno.config.SimulatedSettings;
import org.dumbno.config.SwitchSettings;
import org.dumbno.testing.Closer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the default {@code [dumbno]} settings, a burst of 10,000 requests from one address (a Zeek
 * manager relaying its workers) is installed in full: no request is refused for its rate.
 */
@Timeout(120)
class DefaultBurstIT {
    private static final int BURST = 10_000;
    /** Requests sent before their replies are read, well within the sockets' buffers. */
    private static final int WINDOW = 200;

    @RegisterExtension
    final Closer closer = new Closer();
    private Daemon daemon;

    @Test
    void aBurstOfTenThousandFromOneAddressIsInstalled() throws Exception {
        DumbnoConfig.Builder config = DumbnoConfig.builder()
                .switchSettings(SwitchSettings.builder().backend(Backend.SIMULATED).build())
                .dumbno(DumbnoSettings.builder().listen(List.of(TestDaemons.loopback(0))).build())
                .simulated(new SimulatedSettings(TestDaemons.loopback(0), "dumbno", Secret.of(TestDaemons.PASSWORD),
                        Duration.ZERO, 0));
        TestDaemons.PORTS.forEach(config::port);
        daemon = closer.add(Daemon.start(config.build(), Daemon.Options.defaults()));

        Map<String, Integer> replies = new TreeMap<>();
        try (DatagramSocket sensor = new DatagramSocket(TestDaemons.loopback(0))) {
            sensor.setSoTimeout(20_000);
            InetSocketAddress server = daemon.listening().get(0);
            for (int from = 0; from < BURST; from += WINDOW) {
                for (int i = from; i < from + WINDOW; i++) {
                    byte[] request = request(i);
                    sensor.send(new DatagramPacket(request, request.length, server));
                }
                for (int i = 0; i < WINDOW; i++) {
                    replies.merge(receive(sensor), 1, Integer::sum);
                }
            }
        }

        assertEquals(Map.of("ok", BURST), replies);
        assertEquals(2L * BURST, TestDaemons.denyCount(daemon), "each rule in both ip lists");
    }

    private static byte[] request(int i) {
        String src = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        return ("{\"src\": \"" + src + "\", \"dst\": \"192.0.2.9\", \"proto\": \"tcp\", \"dport\": 443}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String receive(DatagramSocket sensor) throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            sensor.receive(reply);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("a reply did not come within 20 s", e);
        }
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
    }
}
