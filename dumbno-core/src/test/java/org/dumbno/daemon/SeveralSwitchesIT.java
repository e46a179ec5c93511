package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.dumbno.rule.Family;
import org.dumbno.testing.Await;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon of several switches, loaded from a file, asked over real UDP: every request lands on
 * every switch; a switch down is named in the reply at once and gets its rule when it is back; one
 * down at start is named until it is reached; readiness and metrics say which switch.
 */
@Timeout(30)
class SeveralSwitchesIT {
    private static final String REQUEST = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"dport\":443}";
    private static final String RULE = "tcp host 10.1.2.3 host 192.0.2.9 eq https";
    private static final String TWO_SIMULATED = """
            [switch]
            name = a
            backend = simulated
            [ports]
            Ethernet1 = bulk_a
            [egress_ports]
            Ethernet11 = tool
            [simulated]
            eapi_listen = 127.0.0.1:0
            password = %s
            [switch b]
            backend = simulated
            [ports b]
            Ethernet1 = bulk_b
            Ethernet2 = bulk_b
            [dumbno]
            listen = 127.0.0.1:0
            metrics_listen = 127.0.0.1:0
            """.formatted(TestDaemons.PASSWORD);

    @TempDir
    Path dir;
    @RegisterExtension
    final LogCapture log = LogCapture.of("dumbno");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Daemon daemon;
    private EapiServer late;
    private final List<EapiServer> servers = new ArrayList<>();

    @AfterEach
    void close() {
        if (daemon != null) {
            daemon.close();
        }
        if (late != null) {
            late.close();
        }
        servers.forEach(EapiServer::close);
    }

    private DumbnoConfig load(String text) throws IOException {
        return DumbnoConfig.load(Files.writeString(dir.resolve("dumbno.cfg"), text), Map.of());
    }

    private static List<String> denies(SimulatedSwitch sim, String acl) {
        return sim.entries(acl, Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY).map(SimulatedEntry::text).toList();
    }

    @Test
    void aRequestIsAnsweredOkOnceEverySwitchHoldsIt() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED + """
                [switch c]
                backend = simulated
                [ports c]
                Ethernet3 = bulk_c
                """), Daemon.Options.defaults());
        SimulatedSwitch a = daemon.simulatedSwitch("a").orElseThrow();
        SimulatedSwitch b = daemon.simulatedSwitch("b").orElseThrow();
        SimulatedSwitch c = daemon.simulatedSwitch("c").orElseThrow();

        assertEquals("ok", TestDaemons.ask(daemon, REQUEST));

        assertEquals(List.of("deny " + RULE), denies(a, "bulk_a"));
        assertEquals(List.of("deny " + RULE), denies(b, "bulk_b"));
        assertEquals(List.of("deny " + RULE), denies(c, "bulk_c"));
        assertEquals(List.of("a", "b", "c"), daemon.switches().members().stream().map(EverySwitch.Member::name)
                .toList());
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("dumbno_rules_active{switch=\"a\"} 1.0"), metrics);
        assertTrue(metrics.contains("dumbno_rules_active{switch=\"b\"} 1.0"), metrics);
        assertTrue(metrics.contains("dumbno_switch_up{switch=\"b\"} 1.0"), metrics);
        assertTrue(daemon.describe().contains("simulated switch b eAPI http://127.0.0.1:"), daemon.describe());
        assertEquals(200, get("/-/ready").statusCode());
    }

    @Test
    void aSwitchDownIsNamedAtOnceAndGetsTheRuleWhenItIsBack() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED), Daemon.Options.defaults());
        SimulatedSwitch a = daemon.simulatedSwitch("a").orElseThrow();
        SimulatedSwitch b = daemon.simulatedSwitch("b").orElseThrow();
        b.outage(Duration.ofSeconds(4));

        assertEquals("error: b: unreachable, queued there", TestDaemons.ask(daemon, REQUEST));

        assertEquals(List.of("deny " + RULE), denies(a, "bulk_a"), "a wrote it without waiting for b");
        HttpResponse<String> ready = get("/-/ready");
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("switch b: b (simulated) unreachable since "), ready.body());
        assertTrue(Await.until(() -> denies(b, "bulk_b").equals(List.of("deny " + RULE)), Duration.ofSeconds(15)),
                "the queued install landed on b when it was back");
        // the line is on b a moment before b's engine has the answer of that write
        assertTrue(Await.until(() -> status("/-/ready") == 200, Duration.ofSeconds(5)));
        assertEquals("ok", TestDaemons.ask(daemon, REQUEST));
    }

    @Test
    void aSwitchDownAtStartIsNamedUntilItIsReachedAndThenSetUpAndWritten() throws Exception {
        int port = freePort();
        String text = TWO_SIMULATED.replace("[switch b]\nbackend = simulated\n", """
                [switch b]
                scheme = http
                ip = 127.0.0.1:%d
                user = dumbno
                password = %s
                timeout = 2
                """.formatted(port, TestDaemons.PASSWORD));
        daemon = Daemon.start(load(text), Daemon.Options.builder().setup(true).build());

        assertEquals("error: b: unreachable, queued there", TestDaemons.ask(daemon, REQUEST));
        assertTrue(get("/-/ready").body().contains("switch b: not reached yet"), get("/-/ready").body());
        assertEquals(List.of("deny " + RULE), denies(daemon.simulatedSwitch("a").orElseThrow(), "bulk_a"));

        SimulatedSwitch b = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
        late = EapiServer.start(b, TestDaemons.loopback(port), "dumbno", TestDaemons.PASSWORD, null);

        assertTrue(Await.until(() -> denies(b, "bulk_b").equals(List.of("deny " + RULE)), Duration.ofSeconds(15)),
                "set up and written once b answered");
        assertTrue(daemon.setupReport("b").isPresent());
        assertTrue(Await.until(() -> status("/-/ready") == 200, Duration.ofSeconds(5)));
    }

    @Test
    void aRestartKeepsToTheNumbersInUseOnEachSwitch() throws Exception {
        List<SimulatedSwitch> sims = new ArrayList<>();
        StringBuilder text = new StringBuilder("[dumbno]\nlisten = 127.0.0.1:0\n");
        for (String name : List.of("a", "b")) {
            SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1").hostname(name).build();
            EosSwitch.of(sim, Map.of("Ethernet1", "bulk_" + name)).setup();
            EapiServer served = EapiServer.start(sim, TestDaemons.loopback(0), "dumbno", TestDaemons.PASSWORD, null);
            servers.add(served);
            sims.add(sim);
            boolean first = name.equals("a");
            text.append("""
                    [switch%s]
                    %s
                    scheme = http
                    ip = 127.0.0.1:%d
                    user = dumbno
                    password = %s
                    [ports%s]
                    Ethernet1 = bulk_%s
                    """.formatted(first ? "" : " " + name, first ? "name = a" : "", served.address().getPort(),
                    TestDaemons.PASSWORD, first ? "" : " " + name, name));
        }
        sims.get(0).runCmds(List.of("enable", "configure", "ip access-list bulk_a", "501 deny ip host 10.0.0.1 any"));
        sims.get(1).runCmds(List.of("enable", "configure", "ip access-list bulk_b", "501 deny ip host 10.0.0.2 any",
                "503 deny ip host 10.0.0.3 any"));
        DumbnoConfig config = load(text.toString());

        daemon = Daemon.start(config, Daemon.Options.defaults());
        assertEquals("ok", TestDaemons.ask(daemon, REQUEST));
        daemon.close();
        daemon = Daemon.start(config, Daemon.Options.defaults());
        assertEquals("ok", TestDaemons.ask(daemon, "{\"src\":\"10.9.9.9\"}"));

        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "503 deny " + RULE, "505 deny ip host 10.9.9.9 any"),
                numbered(sims.get(0), "bulk_a"));
        assertEquals(List.of("501 deny ip host 10.0.0.2 any", "503 deny ip host 10.0.0.3 any", "505 deny " + RULE,
                "507 deny ip host 10.9.9.9 any"), numbered(sims.get(1), "bulk_b"));
    }

    private static List<String> numbered(SimulatedSwitch sim, String acl) {
        return sim.entries(acl, Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .map(e -> e.sequence() + " " + e.text()).toList();
    }

    @Test
    void aReloadReconfiguresEverySwitchAndNamesTheSwitchesThatNeedARestart() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED), Daemon.Options.defaults());

        Reload reload = daemon.reload(load(TWO_SIMULATED.replace("[dumbno]\n", "[dumbno]\nmax_rules = 7\n")
                .replace("Ethernet2 = bulk_b\n", "") + "[switch c]\nbackend = dummy\n"));

        assertEquals(List.of(7, 7), daemon.switches().members().stream()
                .map(member -> member.manager().capacity()).toList());
        assertEquals(List.of("[dumbno] max_rules"), reload.applied());
        assertEquals(List.of("[ports b]", "[switch c]"), reload.needRestart());
    }

    @Test
    void aSlowSwitchDelaysTheReplyButNotTheOtherSwitchsWrite() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED), Daemon.Options.defaults());
        SimulatedSwitch a = daemon.simulatedSwitch("a").orElseThrow();
        SimulatedSwitch b = daemon.simulatedSwitch("b").orElseThrow();
        b.latency(Duration.ofSeconds(4));
        try (DatagramSocket sensor = new DatagramSocket(TestDaemons.loopback(0))) {
            sensor.setSoTimeout(10_000);
            long asked = System.nanoTime();
            send(sensor, REQUEST);

            assertTrue(Await.until(() -> denies(a, "bulk_a").equals(List.of("deny " + RULE)), Duration.ofSeconds(3)),
                    "a wrote it while b's call was still running");
            assertEquals(List.of(), denies(b, "bulk_b"));
            assertEquals("ok", receive(sensor), "answered once b holds it too");
            assertTrue(Duration.ofNanos(System.nanoTime() - asked).compareTo(Duration.ofSeconds(4)) >= 0);
            assertEquals(List.of("deny " + RULE), denies(b, "bulk_b"));
        }
    }

    @Test
    void aSwitchCallThatOutlastsTheShutdownTimeoutHoldsUpNeitherTheShutdownNorTheReplies() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED.replace("[dumbno]\n", "[dumbno]\nshutdown_timeout = 2\n")),
                Daemon.Options.defaults());
        SimulatedSwitch slow = daemon.simulatedSwitch("b").orElseThrow();
        slow.latency(Duration.ofSeconds(20));
        long callsBefore = slow.calls();
        try (DatagramSocket sensor = new DatagramSocket(TestDaemons.loopback(0))) {
            sensor.setSoTimeout(10_000);
            send(sensor, REQUEST);
            ACLManager b = daemon.switches().members().get(1).manager();
            // b's engine took the request out of its queue into a call that hangs on the switch
            assertTrue(Await.until(() -> slow.calls() > callsBefore && b.queueDepth() == 0,
                    Duration.ofSeconds(5)), "the request reached b's call that hangs");
            long started = System.nanoTime();

            daemon.close();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
            assertEquals("error: b: dumbno is shutting down", receive(sensor));
        }
    }

    @Test
    void closingEndsEveryEnginesThreads() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED), Daemon.Options.defaults());
        assertEquals("ok", TestDaemons.ask(daemon, REQUEST));
        assertTrue(threads("dumbno-manager-b-") > 0, "b's engine runs on threads named after it");

        daemon.close();

        assertTrue(Await.until(() -> threads("dumbno-manager-a-") + threads("dumbno-manager-b-")
                + threads("dumbno-every-switch-") == 0, Duration.ofSeconds(5)), "threads left after close");
    }

    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix)).count();
    }

    private void send(DatagramSocket sensor, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sensor.send(new DatagramPacket(bytes, bytes.length, daemon.listening().get(0)));
    }

    private static String receive(DatagramSocket sensor) throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        sensor.receive(reply);
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void removeTakesTheRuleOffEverySwitch() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED), Daemon.Options.defaults());
        assertEquals("ok", TestDaemons.ask(daemon, REQUEST));

        assertEquals("ok", TestDaemons.ask(daemon, REQUEST.replace("{", "{\"op\":\"remove\",")));

        assertEquals(List.of(), denies(daemon.simulatedSwitch("a").orElseThrow(), "bulk_a"));
        assertEquals(List.of(), denies(daemon.simulatedSwitch("b").orElseThrow(), "bulk_b"));
        for (ACLManager manager : daemon.switches().members().stream().map(EverySwitch.Member::manager).toList()) {
            assertEquals(List.of(), manager.active());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + daemon.metricsAddress().orElseThrow().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theStartLinesNameTheirSwitch() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED), Daemon.Options.defaults());

        List<String> found = log.events().stream().filter(e -> e.getFormattedMessage().startsWith("found 0 shunts on "))
                .map(e -> e.getMDCPropertyMap().get(EverySwitch.LOG_KEY)).toList();
        assertEquals(List.of("a", "b"), found);
    }

    @Test
    void aRepairLineOfANamedSwitchSaysSwitchOnlyInItsPrefix() throws Exception {
        daemon = Daemon.start(load(TWO_SIMULATED), Daemon.Options.defaults());
        daemon.simulatedSwitch("b").orElseThrow().reload(Duration.ZERO);

        assertEquals("ok", TestDaemons.ask(daemon, REQUEST));

        ILoggingEvent repair = log.events().stream().filter(e -> e.getFormattedMessage().startsWith("op=REPAIR "))
                .findFirst().orElseThrow(() -> new AssertionError(log.lines()));
        assertEquals("b", repair.getMDCPropertyMap().get(EverySwitch.LOG_KEY));
        assertTrue(repair.getFormattedMessage().startsWith("op=REPAIR at=b (simulated) change=\""),
                repair.getFormattedMessage());
        List<String> twice = log.events().stream().filter(e -> e.getMDCPropertyMap().containsKey(EverySwitch.LOG_KEY))
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("switch=")).toList();
        assertEquals(List.of(), twice);
    }
}
