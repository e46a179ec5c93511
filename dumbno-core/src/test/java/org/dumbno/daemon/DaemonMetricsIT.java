package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.Await;
import org.dumbno.testing.Closer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code dumbno serve} with {@code metrics_listen}: a daemon on a simulated switch, scraped over HTTP. */
@Timeout(30)
class DaemonMetricsIT {
    private static final long MEGABIT = 125_000;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @RegisterExtension
    final Closer closer = new Closer();
    private Daemon daemon;

    private Daemon start(String metricsListen) throws IOException {
        Path file = dir.resolve("dumbno.cfg");
        Files.writeString(file, String.join("\n",
                "[switch]", "backend = simulated",
                "[ports]", "Ethernet1 = bulk_1",
                "[egress_ports]", "Ethernet11 = tool1",
                "[dumbno]", "listen = 127.0.0.1:0", "allow_clients = 127.0.0.1", "purge_interval = 1",
                "metrics_listen = " + metricsListen,
                "[simulated]", "eapi_listen = 127.0.0.1:0", ""));
        daemon = closer.add(Daemon.start(DumbnoConfig.load(file), Daemon.Options.defaults()));
        return daemon;
    }

    private String ask(String json) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(10_000);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, daemon.listening().get(0)));
            DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
            socket.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        }
    }

    private Map<String, Double> scrape(InetSocketAddress address) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + "/metrics");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    private static boolean await(BooleanSupplier condition) {
        return Await.until(condition, Duration.ofSeconds(10));
    }

    @Test
    void servesMetricsOnMetricsListenAndStopsServingOnClose() throws Exception {
        start("127.0.0.1:0");
        InetSocketAddress address = daemon.metricsAddress().orElseThrow();
        assertTrue(daemon.describe().contains("metrics http://127.0.0.1:" + address.getPort() + "/metrics"),
                daemon.describe());

        assertEquals("ok", ask("{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"dport\":443}"));
        assertTrue(ask("{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":70000}").startsWith("error: "));
        assertTrue(await(() -> sample(address, "dumbno_rule_installs_total{switch=\"main\"}") >= 1), "the engine told its listeners");
        Map<String, Double> samples = scrape(address);

        assertEquals(1, samples.get("dumbno_requests_total{result=\"ok\"}"));
        assertEquals(1, samples.get("dumbno_requests_total{result=\"error\"}"));
        assertEquals(0, samples.get("dumbno_requests_total{result=\"denied\"}"));
        assertEquals(1, samples.get("dumbno_rules_active{switch=\"main\"}"));
        assertEquals(1, samples.get("dumbno_rule_installs_total{switch=\"main\"}"));
        assertEquals(0, samples.get("dumbno_queue_depth{switch=\"main\"}"));
        assertTrue(samples.get("dumbno_eapi_calls_total{result=\"ok\",switch=\"main\"}") > 0, samples.toString());
        assertTrue(samples.get("dumbno_eapi_call_duration_seconds_count{switch=\"main\"}") > 0, samples.toString());
        assertEquals(1, samples.get("dumbno_switch_up{switch=\"main\"}"));
        assertEquals(1, samples.get("dumbno_layout_ok{switch=\"main\"}"));
        assertEquals(0, samples.get("dumbno_loops_stalled"));
        assertEquals(49_750, samples.get("dumbno_rules_max{switch=\"main\"}"), "the odd numbers of (500, 100000)");
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("dumbno_build_info{")
                && k.contains("version=\"1.0.0-SNAPSHOT\"")), samples.keySet().toString());
        assertTrue(samples.get("process_cpu_seconds_total") > 0, samples.toString());
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{")),
                samples.keySet().toString());
        assertEquals(0, samples.get("dumbno_refusals_total{reason=\"client_not_allowed\"}"));
        samples.keySet().forEach(name -> assertTrue(name.startsWith("dumbno_") || name.startsWith("jvm_")
                || name.startsWith("process_"), name));

        daemon.simulatedSwitch().orElseThrow().advanceCounters("Ethernet1", 10 * MEGABIT, 0);
        assertTrue(await(() -> sample(address, "dumbno_ingress_bytes_total{switch=\"main\"}") >= 10 * MEGABIT), "the bandwidth poll saw the traffic");

        daemon.close();
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + "/metrics");
        assertThrows(ConnectException.class, () -> fresh.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()), "a fresh connection is refused");
    }

    private double sample(InetSocketAddress address, String name) {
        try {
            return scrape(address).getOrDefault(name, 0.0);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void servesTheShuntsWithTheirRateOverTheLastSweep() throws Exception {
        start("127.0.0.1:0");
        InetSocketAddress address = daemon.metricsAddress().orElseThrow();
        assertEquals("ok", ask("{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"dport\":443}"));
        Flow flow = Flow.of(Protocol.TCP, "10.1.2.3", 40000, "192.0.2.9", 443);
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleWithFixedDelay(() -> daemon.simulatedSwitch().orElseThrow().send("Ethernet1", flow, 100,
                10_000), 0, 20, TimeUnit.MILLISECONDS);
        List<JsonObject> lines = new ArrayList<>();

        boolean measured;
        try {
            measured = await(() -> {
                lines.clear();
                JsonParser.parseString(get(address, "/-/shunts")).getAsJsonArray()
                        .forEach(line -> lines.add(line.getAsJsonObject()));
                return lines.stream().anyMatch(line -> line.get("acl").getAsString().equals("bulk_1")
                        && !line.get("packets_per_second").isJsonNull()
                        && line.get("packets_per_second").getAsDouble() > 0);
            });
        } finally {
            traffic.shutdownNow();
        }
        assertTrue(measured, "a sweep measured the traffic: " + lines);
        JsonObject line = lines.stream().filter(l -> l.get("acl").getAsString().equals("bulk_1")).findFirst()
                .orElseThrow();
        assertEquals("ip", line.get("family").getAsString());
        assertEquals(501, line.get("seq").getAsLong());
        assertTrue(line.get("matches").getAsLong() >= 100, line.toString());
    }

    private String get(InetSocketAddress address, String path) {
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutMetricsListenNothingIsServed() throws Exception {
        start("");

        assertTrue(daemon.metricsAddress().isEmpty());
        assertTrue(!daemon.describe().contains("metrics"), daemon.describe());
    }
}
