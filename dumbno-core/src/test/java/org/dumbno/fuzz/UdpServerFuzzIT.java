package org.dumbno.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import inet.ipaddr.IPAddressString;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.security.Security;
import org.dumbno.server.ServerStats;
import org.dumbno.server.UdpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Throws random, mutated and hostile datagrams at a running server on loopback, backed by the real
 * engine on a simulated switch, and checks that every datagram is answered exactly once, that the
 * server keeps answering, and that the switch ends up holding exactly the rules of the requests
 * answered {@code ok}: nothing an invalid datagram asked for was ever written.
 *
 * <p>The seed is printed; {@code -Ddumbno.fuzz.seed=N} replays a run, {@code
 * -Ddumbno.fuzz.datagrams=N} changes its length.
 */
@Timeout(180)
class UdpServerFuzzIT {
    private static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2");
    private static final long SEQ_MIN = 500;
    private static final long SEQ_MAX = 10_000_000;
    /** Datagrams unanswered at most: far below what the receive buffers hold, so none is dropped. */
    private static final int WINDOW = 64;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);
    /** A reply's payload is never larger than its request's, or than this (SPEC, wire protocol). */
    private static final int MIN_REPLY_LIMIT = 32;

    private final Logger shuntLog = (Logger) LoggerFactory.getLogger("dumbno");
    private Level shuntLogLevel;
    private SimulatedSwitch sim;
    private RecordingTransport recording;
    private ACLManager manager;
    private UdpServer server;

    @BeforeEach
    void start() throws Exception {
        shuntLogLevel = shuntLog.getLevel();
        shuntLog.setLevel(Level.WARN);
        sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").build();
        EosSwitch.of(sim, PORTS).setup();
        recording = new RecordingTransport(sim);
        Security security = Security.builder()
                .allowClients(List.of(new IPAddressString("127.0.0.0/8").getAddress()))
                .neverShunt(List.of(new IPAddressString(Spec.PROTECTED).getAddress()))
                .rateLimit(1_000_000, 1_000_000)
                .build();
        manager = ACLManager.builder().aclSwitch(EosSwitch.of(recording, PORTS)).sequenceRange(SEQ_MIN, SEQ_MAX)
                .purgeInterval(Duration.ofHours(1)).requestFilter(security.requestFilter()).build();
        manager.start();
        server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0)), manager,
                UdpServer.Options.builder().gate(security.gate()::check).build());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (manager != null) {
            manager.close();
        }
        shuntLog.setLevel(shuntLogLevel);
    }

    @Test
    void everyDatagramIsAnsweredOnceAndOnlyOkRequestsReachTheSwitch() throws Exception {
        long seed = Seeds.seed(getClass().getSimpleName());
        int count = Seeds.count("dumbno.fuzz.datagrams", 100_000);
        DatagramGenerator generator = new DatagramGenerator(seed);
        Set<Rule> okRules = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        Tally tally = new Tally();
        InetSocketAddress address = server.addresses().get(0);

        long started = System.nanoTime();
        try (Window window = new Window(address, WINDOW)) {
            window.run(count, i -> generator.next(), (index, datagram, reply) -> {
                String problem = check(datagram, reply, okRules);
                if (problem != null && failures.size() < 30) {
                    failures.add(Seeds.describe(seed, "datagram #" + index, datagram) + "\n    reply: " + Printable.of(reply)
                            + "\n    " + problem);
                }
                tally.count(datagram.kind(), reply.equals("ok"), reply);
            }, REPLY_TIMEOUT);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: %d datagrams in %.1f s, %.0f datagrams/s, %d rules on the switch%n%s%n",
                    getClass().getSimpleName(), count, seconds, count / seconds, okRules.size(),
                    tally.report("ok", "error"));
            window.run(window.size(), UdpServerFuzzIT::probe, (index, datagram, reply) -> {
                if (!reply.contains("probe-" + index + ")")) {
                    failures.add("socket " + index + " got " + Printable.of(reply) + " where its last reply was due");
                }
            }, REPLY_TIMEOUT);
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures (seed " + seed + "):\n"
                + String.join("\n", failures));

        Request last = Request.of("192.0.2.77", "198.51.100.77", "udp", 4242, 4343);
        try (Window one = new Window(address, 1)) {
            byte[] json = last.toJson().getBytes(StandardCharsets.UTF_8);
            one.run(1, i -> new Datagram(json, "last", Expect.OK, last.toRule()),
                    (index, datagram, reply) -> assertEquals("ok", reply, "the server still shunts"), REPLY_TIMEOUT);
        }
        okRules.add(last.toRule());

        ServerStats stats = server.stats();
        long sent = count + WINDOW + 1L;
        assertEquals(sent, stats.received(), () -> "received " + stats);
        assertEquals(sent, stats.answered(), () -> "answered " + stats);
        assertEquals(tally.total(true) + 1, stats.ok(), () -> "ok " + stats);
        for (ServerStats.ErrorKind kind : List.of(ServerStats.ErrorKind.BUSY, ServerStats.ErrorKind.INTERNAL,
                ServerStats.ErrorKind.GATE)) {
            assertEquals(0L, stats.errors().get(kind), () -> kind + " errors: " + stats);
        }
        System.out.println("server stats: " + stats);

        Set<String> names = new TreeSet<>(PORTS.values());
        List<String> problems = new SwitchAudit(names, okRules, SEQ_MIN, SEQ_MAX)
                .commands(recording.calls()).entries(sim).problems();
        assertTrue(problems.isEmpty(), () -> "seed " + seed + ": the switch disagrees with the replies:\n"
                + String.join("\n", problems));
    }

    /** A request no server can accept, naming its socket, so its reply shows which request it answers. */
    private static Datagram probe(long index) {
        byte[] bytes = ("{\"src\": \"probe-" + index + "\"}").getBytes(StandardCharsets.UTF_8);
        return new Datagram(bytes, "probe", Expect.INVALID, null);
    }

    /** What is wrong with {@code reply} to {@code datagram}, or null; records the rule of an ok. */
    private static String check(Datagram datagram, String reply, Set<Rule> okRules) {
        if (!Printable.isPrintableAscii(reply) || reply.length() > 300) {
            return "a reply that is not short printable ASCII";
        }
        boolean ok = reply.equals("ok");
        if (!ok && !reply.startsWith("error: ")) {
            return "a reply that is neither ok nor error: ...";
        }
        int replyBytes = reply.getBytes(StandardCharsets.UTF_8).length;
        if (replyBytes > Math.max(datagram.bytes().length, MIN_REPLY_LIMIT)) {
            return "a reply of " + replyBytes + " bytes to a request of " + datagram.bytes().length
                    + ": larger than the request and than " + MIN_REPLY_LIMIT + " bytes";
        }
        if (datagram.bytes().length > DatagramGenerator.MAX_REQUEST && !reply.equals("error: request too large")) {
            return "an oversize datagram not answered \"error: request too large\"";
        }
        switch (datagram.expect()) {
            case OK -> {
                if (!ok) {
                    return "a valid request refused (expected rule " + datagram.rule() + ")";
                }
            }
            case REFUSED -> {
                if (ok) {
                    return "a request touching never_shunt " + Spec.PROTECTED + " accepted: " + datagram.rule();
                }
            }
            case INVALID -> {
                if (ok) {
                    return "an invalid request accepted";
                }
            }
            default -> {
            }
        }
        if (ok) {
            Rule rule = datagram.rule();
            if (rule == null) {
                try {
                    rule = Request.parse(datagram.bytes()).toRule();
                } catch (InvalidRequestException e) {
                    return "answered ok, but the request does not parse: " + e.getMessage();
                }
            }
            okRules.add(rule);
        }
        return null;
    }
}
