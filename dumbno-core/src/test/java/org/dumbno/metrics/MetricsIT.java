package org.dumbno.metrics;

import static org.dumbno.testing.Addrs.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.security.Security;
import org.dumbno.server.UdpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The metrics of a real engine on the simulated switch behind a real UDP server, scraped over HTTP
 * from a real {@link MetricsServer} on loopback.
 */
@Timeout(30)
class MetricsIT {
    private static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1");
    private static final String VALID = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\","
            + "\"sport\":51234,\"dport\":443}";
    private static final String INVALID = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\","
            + "\"sport\":51234,\"dport\":70000}";
    private static final String PROTECTED = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.53\",\"proto\":\"udp\","
            + "\"sport\":5353,\"dport\":53}";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final DumbnoMetrics metrics = new DumbnoMetrics(registry);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ACLManager manager;
    private UdpServer server;
    private MetricsServer metricsServer;

    @BeforeEach
    void start() throws Exception {
        SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1").egress("Ethernet11").build();
        EosSwitch eos = EosSwitch.of(metrics.wrap(sim), PORTS);
        eos.setup();
        Security security = Security.builder().allowClients(List.of(ip("127.0.0.1")))
                .neverShunt(List.of(ip("192.0.2.53"))).build();
        manager = ACLManager.builder().aclSwitch(eos).requestFilter(security.requestFilter()).build();
        metrics.attach(manager);
        manager.start();
        server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0)), manager,
                UdpServer.Options.builder().gate(security.gate()).build());
        metrics.attachServer(server::stats);
        metrics.attachSecurity(security::refusals);
        metricsServer = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), registry);
    }

    @AfterEach
    void stop() {
        if (metricsServer != null) {
            metricsServer.close();
        }
        if (server != null) {
            server.close();
        }
        if (manager != null) {
            manager.close();
        }
        metrics.close();
    }


    private String ask(String json) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(10_000);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, server.addresses().get(0)));
            DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
            socket.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        InetSocketAddress address = metricsServer.address();
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Exposition scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().toString());
        return Exposition.parse(response.body());
    }

    /** The engine tells its listeners just after it answers; scrapes until they have heard. */
    private Exposition scrapeOnceListenersHeard() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Exposition scrape = scrape();
        while (scrape.value("dumbno_rule_installs_total", "switch", "main") + scrape.value("dumbno_rule_failures_total", "switch", "main") < 2
                && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            scrape = scrape();
        }
        return scrape;
    }

    @Test
    void servesWhatTheEngineTheServerAndTheSwitchDid() throws Exception {
        assertEquals("ok", ask(VALID));
        assertTrue(ask(INVALID).startsWith("error: "), "an invalid request is answered with an error");
        assertTrue(ask(PROTECTED).startsWith("error: "), "a protected network is refused");

        Exposition scrape = scrapeOnceListenersHeard();

        assertEquals(1, scrape.value("dumbno_requests_total", "result", "ok"));
        assertEquals(1, scrape.value("dumbno_requests_total", "result", "error"));
        assertEquals(1, scrape.value("dumbno_requests_total", "result", "denied"));
        assertEquals(0, scrape.value("dumbno_requests_total", "result", "rate_limited"));
        assertEquals(1, scrape.value("dumbno_refusals_total", "reason", "never_shunt"));
        assertEquals(1, scrape.value("dumbno_rules_active", "switch", "main"));
        assertEquals(1, scrape.value("dumbno_rule_installs_total", "switch", "main"));
        assertEquals(1, scrape.value("dumbno_rule_failures_total", "switch", "main"));
        assertEquals(0, scrape.value("dumbno_queue_depth", "switch", "main"));
        assertTrue(scrape.value("dumbno_eapi_calls_total", "switch", "main", "result", "ok") > 0);
        assertEquals(0, scrape.value("dumbno_eapi_calls_total", "switch", "main", "result", "unavailable"));
        assertTrue(scrape.value("dumbno_eapi_call_duration_seconds_count", "switch", "main") > 0);
        double calls = scrape.samples().stream().filter(s -> s.name().equals("dumbno_eapi_calls_total"))
                .mapToDouble(Exposition.Sample::value).sum();
        assertEquals(calls, scrape.value("dumbno_eapi_call_duration_seconds_count", "switch", "main"), "one observation per call");
        assertFalse(scrape.samples().isEmpty());
        scrape.samples().forEach(sample -> assertTrue(sample.name().startsWith("dumbno_")
                || sample.name().startsWith("jvm_") || sample.name().startsWith("process_"), sample.name()));
        assertTrue(scrape.value("process_cpu_seconds_total") > 0, "the process collector is registered");
    }

    @Test
    void answersOnItsAddressAndCloseIsIdempotent() throws Exception {
        assertEquals("127.0.0.1", metricsServer.address().getAddress().getHostAddress());
        assertTrue(metricsServer.address().getPort() > 0);

        metricsServer.close();
        metricsServer.close();

        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + metricsServer.address().getPort() + "/metrics");
        assertThrows(ConnectException.class, () -> fresh.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()), "a fresh connection is refused");
    }
}
