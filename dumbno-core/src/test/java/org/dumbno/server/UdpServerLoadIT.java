package org.dumbno.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.dumbno.testing.Await;
import org.dumbno.testing.Sensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bursts of requests and clients that never read their replies. */
@Timeout(60)
class UdpServerLoadIT {
    private static final int SENSORS = 4;
    private static final int PER_SENSOR = 2_500;
    /** Requests a sensor has sent and not had answered, at most: well within the server's buffer. */
    private static final int WINDOW = 256;

    private RecordingShunter shunter;
    private UdpServer server;
    private ExecutorService threads;

    @BeforeEach
    void start() throws IOException {
        shunter = RecordingShunter.installing();
        server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0)), shunter, UdpServer.Options.defaults());
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        server.close();
        shunter.close();
    }

    private static String request(int sensor, int i) {
        return "{\"src\": \"10.0." + sensor + ".1\", \"proto\": \"tcp\", \"dport\": " + (i + 1) + "}";
    }

    /** Sends {@link #PER_SENSOR} requests from one socket as fast as the window allows; counts "ok" replies. */
    private int burst(int number) throws Exception {
        try (Sensor sensor = new Sensor(server.addresses().get(0), 4 * 1024 * 1024)) {
            Semaphore window = new Semaphore(WINDOW);
            Future<Integer> replies = threads.submit(() -> {
                int ok = 0;
                for (int i = 0; i < PER_SENSOR; i++) {
                    ok += sensor.receive().equals("ok") ? 1 : 0;
                    window.release();
                }
                return ok;
            });
            for (int i = 0; i < PER_SENSOR; i++) {
                window.acquire();
                sensor.send(request(number, i));
            }
            return replies.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBurstOfTenThousandRequestsIsAllAnswered() throws Exception {
        List<Future<Integer>> sensors = new ArrayList<>();
        for (int number = 0; number < SENSORS; number++) {
            int sensor = number;
            sensors.add(threads.submit(() -> burst(sensor)));
        }
        int ok = 0;
        for (Future<Integer> sensor : sensors) {
            ok += sensor.get(45, TimeUnit.SECONDS);
        }

        assertEquals(SENSORS * PER_SENSOR, ok);
        assertEquals(SENSORS * PER_SENSOR, new HashSet<>(shunter.requests()).size());
        ServerStats stats = server.stats();
        assertEquals(SENSORS * PER_SENSOR, stats.received());
        assertEquals(SENSORS * PER_SENSOR, stats.ok());
        assertEquals(0, stats.errorCount());
    }

    @Test
    void aSensorThatNeverReadsDoesNotHoldUpTheOthers() throws Exception {
        int flood = 2_000;
        try (Sensor deaf = new Sensor(server.addresses().get(0), 2048);
                Sensor other = new Sensor(server.addresses().get(0))) {
            for (int i = 0; i < flood; i++) {
                deaf.send(request(9, i % 65_535));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("ok", other.ask(request(8, i)));
            }
            assertTrue(Await.until(() -> server.stats().answered() == flood + 20, Duration.ofSeconds(20)),
                    () -> "answered " + server.stats());
        }
        assertEquals(server.stats().received(), server.stats().answered());
    }
}
