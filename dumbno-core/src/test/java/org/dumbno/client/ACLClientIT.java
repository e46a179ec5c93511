package org.dumbno.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.Request;
import org.dumbno.security.Security;
import org.dumbno.server.UdpServer;
import org.dumbno.testing.LossyRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against the real server, and against raw sockets that capture or ignore it. */
@Timeout(30)
class ACLClientIT {
    private final Set<Request> seen = ConcurrentHashMap.newKeySet();

    /** Installs every request except those for port 666, which the engine refuses. */
    private final Shunter shunter = request -> {
        seen.add(request);
        return CompletableFuture.supplyAsync(() -> request.dport() == 666
                ? ShuntOutcome.refused(request.toRule(), "port 666 is never shunted")
                : ShuntOutcome.installed(request.toRule(), 501));
    };

    private UdpServer server(String loopback) throws IOException {
        return UdpServer.start(List.of(new InetSocketAddress(loopback, 0)), shunter, UdpServer.Options.defaults());
    }

    private static DatagramChannel rawSocket() throws IOException {
        return DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    }

    private static int port(DatagramChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    @Test
    void addsAFlow() throws IOException {
        try (UdpServer server = server("127.0.0.1");
                ACLClient client = new ACLClient("127.0.0.1", server.addresses().get(0).getPort())) {
            assertEquals("ok", client.addAcl("10.1.2.3", "192.0.2.9", "tcp", 51234, 443));
        }
        assertEquals(Set.of(Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443)), seen);
    }

    @Test
    void removesAFlowAndTheServerHearsARemoval() throws IOException {
        Set<Request> removed = ConcurrentHashMap.newKeySet();
        Shunter removing = new Shunter() {
            @Override
            public CompletableFuture<ShuntOutcome> add(Request request) {
                return CompletableFuture.completedFuture(ShuntOutcome.refused(null, "not an add"));
            }

            @Override
            public CompletableFuture<ShuntOutcome> remove(Request request) {
                removed.add(request);
                return CompletableFuture.completedFuture(ShuntOutcome.removed(request.toRule(), 501));
            }
        };
        try (UdpServer server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0)), removing,
                UdpServer.Options.defaults());
                ACLClient client = new ACLClient("127.0.0.1", server.addresses().get(0).getPort())) {
            assertEquals("ok", client.removeAcl("10.1.2.3", "192.0.2.9", "tcp", 51234, 443));
            assertEquals("error: not an add", client.addAcl("10.1.2.3", "192.0.2.9", "tcp", 51234, 443));
        }
        assertEquals(Set.of(Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443)), removed);
    }

    @Test
    void passesTheServersErrorOn() throws IOException {
        try (UdpServer server = server("127.0.0.1");
                ACLClient client = new ACLClient("127.0.0.1", server.addresses().get(0).getPort())) {
            assertEquals("error: port 666 is never shunted", client.addAcl(null, "192.0.2.9", "udp", null, 666));
        }
    }

    @Test
    void answersARefusalAsAReplyWithItsReason() throws IOException {
        try (UdpServer server = server("127.0.0.1");
                ACLClient client = new ACLClient("127.0.0.1", server.addresses().get(0).getPort())) {
            Reply refused = client.add(FlowRequest.builder().dst("192.0.2.9").proto("udp").dport(666).build());
            assertFalse(refused.isOk());
            assertEquals(Optional.of("port 666 is never shunted"), refused.errorReason());
            assertTrue(client.add(FlowRequest.builder().dst("192.0.2.9").proto("udp").dport(53).build()).isOk());
        }
    }

    @Test
    void refusesABadRequestBeforeSendingIt() throws IOException {
        try (DatagramChannel silent = rawSocket(); ACLClient client = new ACLClient("127.0.0.1", port(silent))) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> client.addAcl("10.1.2.3", null, "tcp", null, 70000));

            assertEquals("dport (70000) must be 1-65535", refusal.getMessage());
            assertThrows(IllegalArgumentException.class, () -> client.addAcl(null, null, "tcp", null, null));
        }
    }

    @Test
    void talksToAnIpv6Server() throws IOException {
        try (UdpServer server = server("::1")) {
            int port = server.addresses().get(0).getPort();
            try (ACLClient bare = new ACLClient("::1", port);
                    ACLClient bracketed = ACLClient.builder().server("[::1]:" + port).build()) {
                assertEquals("ok", bare.addAcl("2001:db8::1", "2001:db8::2", null, null, null));
                assertEquals("ok", bracketed.addAcl(FlowRequest.of("2001:db8::3", null, "tcp", null, 22)));
            }
        }
        assertEquals(2, seen.size());
    }

    @Test
    void isSharedByManyThreads() throws Exception {
        int threads = 8;
        int each = 50;
        try (UdpServer server = server("127.0.0.1");
                ACLClient client = new ACLClient("127.0.0.1", server.addresses().get(0).getPort())) {
            List<CompletableFuture<List<String>>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                callers.add(CompletableFuture.supplyAsync(() -> {
                    List<String> replies = new ArrayList<>();
                    for (int i = 1; i <= each; i++) {
                        replies.add(add(client, "10.9." + thread + ".1", i));
                    }
                    return replies;
                }));
            }
            for (CompletableFuture<List<String>> caller : callers) {
                assertEquals(new HashSet<>(List.of("ok")), new HashSet<>(caller.get(20, TimeUnit.SECONDS)));
            }
        }
        assertEquals(threads * each, seen.size());
    }

    private static String add(ACLClient client, String src, int dport) {
        try {
            return client.addAcl(src, null, "tcp", null, dport);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void sendsTheSameJsonAsTheOtherClientsAndIgnoresStrangers() throws Exception {
        try (DatagramChannel capture = rawSocket(); DatagramChannel stranger = rawSocket();
                ACLClient client = new ACLClient("127.0.0.1", port(capture))) {
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(
                    () -> add(client, "10.1.2.3", 80));
            ByteBuffer datagram = ByteBuffer.allocate(2048);
            SocketAddress sender = capture.receive(datagram);
            datagram.flip();

            assertEquals("{\"src\":\"10.1.2.3\",\"dst\":null,\"proto\":\"tcp\",\"sport\":null,\"dport\":80}",
                    UTF_8.decode(datagram).toString());
            stranger.send(UTF_8.encode("error: not from the server"), sender);
            capture.send(UTF_8.encode("ok"), sender);
            assertEquals("ok", reply.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void givesUpAfterEveryTryGoesUnanswered() throws IOException {
        try (DatagramChannel silent = rawSocket();
                ACLClient client = ACLClient.builder().server("127.0.0.1", port(silent))
                        .timeout(Duration.ofMillis(200)).tries(3).build()) {
            long started = System.nanoTime();
            ServerUnreachableException failure = assertThrows(ServerUnreachableException.class,
                    () -> client.addAcl("10.1.2.3", null, null, null, null));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertEquals("no answer from 127.0.0.1:" + port(silent) + " after 3 tries", failure.getMessage());
            assertTrue(tookMillis >= 550 && tookMillis < 3_000, "gave up after " + tookMillis + " ms");
            assertEquals(3, drain(silent));
        }
    }

    private static int drain(DatagramChannel channel) throws IOException {
        channel.configureBlocking(false);
        int count = 0;
        while (channel.receive(ByteBuffer.allocate(2048)) != null) {
            count++;
        }
        return count;
    }

    @Test
    void closingEndsACallWaitingForItsReply() throws Exception {
        try (DatagramChannel silent = rawSocket()) {
            ACLClient client = ACLClient.builder().server("127.0.0.1", port(silent))
                    .timeout(Duration.ofSeconds(20)).build();
            CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> add(client, "10.1.2.3", 22));
            assertTrue(silent.receive(ByteBuffer.allocate(2048)) != null);

            client.close();

            assertTrue(call.get(10, TimeUnit.SECONDS).contains("closed"), call.get());
            IOException afterwards = assertThrows(IOException.class, () -> client.addAcl("10.1.2.3", null, null, null, null));
            assertTrue(afterwards.getMessage().contains("closed"));
        }
    }

    @Test
    void theFailureNamesAnIpv6ServerInBrackets() throws IOException {
        try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("::1", 0));
                ACLClient client = ACLClient.builder().server("::1", port(silent))
                        .timeout(Duration.ofMillis(100)).tries(1).build()) {
            ServerUnreachableException failure = assertThrows(ServerUnreachableException.class,
                    () -> client.addAcl("2001:db8::1", null, null, null, null));

            assertEquals("no answer from [::1]:" + port(silent) + " after 1 try", failure.getMessage());
            assertEquals(1, failure.tries());
        }
    }

    @Test
    void aSignedRetryAfterALostReplyIsAcceptedBecauseItIsSignedAfresh() throws Exception {
        byte[] key = "a signing key of at least thirty-two bytes".getBytes(UTF_8);
        Instant now = Instant.now();
        Security security = Security.builder().secret(key).build();
        try (UdpServer server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0)), shunter,
                        UdpServer.Options.builder().gate(security.gate()).build());
                LossyRelay relay = LossyRelay.start(server.addresses().get(0));
                ACLClient client = ACLClient.builder().server("127.0.0.1", relay.port()).secret(key)
                        .clock(Clock.fixed(now, ZoneOffset.UTC)).timeout(Duration.ofMillis(500)).tries(3).build()) {

            assertEquals("ok", client.addAcl("10.1.2.3", "192.0.2.9", "tcp", 51234, 443));

            assertEquals(List.of("ok", "ok"), relay.replies(), "the first ok was lost, the retry got its own");
            List<Long> stamps = relay.requests().stream().map(ACLClientIT::ts).toList();
            assertEquals(List.of(now.getEpochSecond(), now.getEpochSecond() + 1), stamps,
                    "within one second, the retry's timestamp is one later");
            assertTrue(security.refusals().values().stream().allMatch(count -> count == 0), security.refusals().toString());
        }
    }

    private static long ts(String datagram) {
        return JsonParser.parseString(datagram).getAsJsonObject().get("ts").getAsLong();
    }
}
