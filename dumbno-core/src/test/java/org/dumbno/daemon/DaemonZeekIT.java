package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.rule.Rule;
import org.dumbno.testing.Addrs;
import org.dumbno.testing.Await;
import org.dumbno.testing.ZeekPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with a {@code [zeek]} section: it serves UDP while Zeek is away, says so at
 * {@code /-/ready}, connects once Zeek listens, and puts Zeek's requests through the same request
 * checks as UDP ones, but not through {@code allow_clients} or signing.
 */
@Timeout(60)
class DaemonZeekIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static DumbnoConfig config(int zeekPort, List<String> allowClients) {
        return config(zeekPort, allowClients, settings -> settings);
    }

    private static DumbnoConfig config(int zeekPort, List<String> allowClients,
            UnaryOperator<DumbnoSettings.Builder> more) {
        DumbnoConfig base = TestDaemons.config(settings -> more.apply(settings
                .neverShunt(List.of(Addrs.ip("192.0.2.53/32")))
                .allowClients(allowClients.stream().map(Addrs::ip).toList())
                .metricsListen(TestDaemons.loopback(0))));
        return TestDaemons.withZeek(base, URI.create("ws://127.0.0.1:" + zeekPort + ZeekPeer.PATH));
    }

    private HttpResponse<String> get(Daemon daemon, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + daemon.metricsAddress().orElseThrow().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws InterruptedException {
        try (ZeekPeer probe = ZeekPeer.start()) {
            return probe.port();
        }
    }

    @Test
    void servesUdpWhileZeekIsAwayAndConnectsWhenItComes() throws Exception {
        int port = freePort();
        try (Daemon daemon = Daemon.start(config(port, List.of()), Daemon.Options.defaults())) {
            HttpResponse<String> notReady = get(daemon, "/-/ready");
            assertEquals(503, notReady.statusCode());
            assertEquals("not ready:\nzeek: not connected to zeek ws://127.0.0.1:" + port
                    + "/v1/messages/json topic zeek/dumbno\n", notReady.body());
            assertEquals("ok", TestDaemons.ask(daemon,
                    "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"dport\":443}"));

            try (ZeekPeer zeek = ZeekPeer.start(port)) {
                assertTrue(Await.until(() -> zeek.subscribed() == 1 && daemon.zeek().orElseThrow().connected(), WAIT),
                        "connected to Zeek");
                HttpResponse<String> ready = get(daemon, "/-/ready");
                assertEquals(200, ready.statusCode());
                assertEquals("ready\n", ready.body());
                assertTrue(get(daemon, "/metrics").body().contains("dumbno_zeek_connected 1.0"));
            }
        }
    }

    @Test
    void zeeksRequestsPassNeverShuntButNotAllowClientsNorSigning() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("request.key"), "0123456789abcdef0123456789abcdef\n");
        try (ZeekPeer zeek = ZeekPeer.start();
                Daemon daemon = Daemon.start(config(zeek.port(), List.of("10.0.0.0/8"),
                        settings -> settings.secretFile(keyFile)), Daemon.Options.defaults())) {
            assertTrue(Await.until(() -> zeek.subscribed() == 1, WAIT), "connected to Zeek");
            assertEquals("error: client not allowed", TestDaemons.ask(daemon, "{\"src\":\"10.1.2.4\"}"));

            zeek.publish("zeek/dumbno/request", "Dumbno::request", ZeekPeer.Metadata.NONE, ZeekPeer.count(1),
                    ZeekPeer.string("add"), ZeekPeer.string("10.1.2.3"), ZeekPeer.string("192.0.2.53"),
                    ZeekPeer.string("udp"), ZeekPeer.count(0), ZeekPeer.count(53));
            zeek.publish("zeek/dumbno/request", "Dumbno::request", ZeekPeer.Metadata.NONE, ZeekPeer.count(2),
                    ZeekPeer.string("add"), ZeekPeer.string("10.1.2.3"), ZeekPeer.string("192.0.2.9"),
                    ZeekPeer.string("tcp"), ZeekPeer.count(0), ZeekPeer.count(443));

            ZeekPeer.Published refused = zeek.next(WAIT);
            ZeekPeer.Published done = zeek.next(WAIT);
            assertNotNull(done);
            assertEquals("error: dst 192.0.2.53 is in never_shunt 192.0.2.53/32", refused.data(1).getAsString());
            assertEquals("ok", done.data(1).getAsString());
            Rule rule = Rule.parse("tcp host 10.1.2.3 host 192.0.2.9 eq 443");
            assertEquals(2, TestDaemons.readAsSecondProcess(daemon).values().stream().flatMap(List::stream)
                    .filter(e -> rule.equals(e.rule())).count());
            String metrics = get(daemon, "/metrics").body();
            assertTrue(metrics.contains("dumbno_zeek_events_received_total{event=\"Dumbno::request\"} 2.0"), metrics);
            assertTrue(metrics.contains("dumbno_zeek_events_sent_total{event=\"Dumbno::reply\"} 2.0"), metrics);
        }
    }
}
