package org.dumbno.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.dumbno.server.ServerStats.ErrorKind;
import org.dumbno.testing.Sensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Datagrams that are not valid requests: each gets one error reply and never reaches the shunter. */
@Timeout(30)
class UdpServerRefusalsIT {
    private static final String VALID = "{\"src\": \"10.1.2.3\", \"proto\": \"tcp\", \"dport\": 22}";

    private RecordingShunter shunter;
    private UdpServer server;

    @BeforeEach
    void start() throws IOException {
        shunter = RecordingShunter.installing();
        server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0)), shunter, UdpServer.Options.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
        shunter.close();
    }

    private static Arguments json(String name, String json, String reason) {
        return Arguments.of(name, json.getBytes(UTF_8), reason);
    }

    private static Arguments bytes(String name, byte[] datagram, String reason) {
        return Arguments.of(name, datagram, reason);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                json("not JSON", "shunt 10.1.2.3 please", "not valid JSON"),
                json("array", "[\"10.1.2.3\", \"192.0.2.9\"]", "must be one JSON object, not array"),
                json("string", "\"10.1.2.3\"", "must be one JSON object, not string"),
                json("number", "42", "must be one JSON object, not number"),
                json("null", "null", "must be one JSON object, not null"),
                json("object as src", "{\"src\": {\"ip\": \"10.1.2.3\"}}", "src must be a string, not object"),
                json("array as dport", "{\"src\": \"10.1.2.3\", \"dport\": [22]}", "dport must be a number or a string"),
                json("boolean", "{\"src\": true}", "src must be a string, not boolean"),
                json("number as address", "{\"src\": 167838211}", "src (167838211) must be a string"),
                json("hostname", "{\"src\": \"sensor.example.org\"}", "src (sensor.example.org)"),
                json("localhost", "{\"dst\": \"localhost\"}", "dst (localhost)"),
                json("port too big", "{\"proto\": \"tcp\", \"dport\": 70000}", "dport (70000) must be 1-65535"),
                json("negative port", "{\"proto\": \"tcp\", \"sport\": -1}", "sport (-1)"),
                json("string port too big", "{\"proto\": \"udp\", \"dport\": \"65536\"}", "dport (65536) must be 1-65535"),
                json("fractional port", "{\"proto\": \"tcp\", \"dport\": 22.5}", "dport (22.5)"),
                json("hex port", "{\"proto\": \"tcp\", \"dport\": \"0x16\"}", "dport (0x16)"),
                json("ports with proto ip", "{\"src\": \"10.1.2.3\", \"proto\": \"ip\", \"dport\": 22}", "needs proto tcp, udp or sctp"),
                json("ports without proto", "{\"src\": \"10.1.2.3\", \"sport\": 22}", "needs proto tcp, udp or sctp"),
                json("ports with icmp", "{\"dst\": \"10.1.2.3\", \"proto\": \"icmp\", \"dport\": 7}", "needs proto tcp, udp or sctp"),
                json("everything", "{}", "must name at least one of src, dst, sport, dport"),
                json("everything over tcp", "{\"proto\": \"tcp\"}", "must name at least one"),
                json("everything, every field any", "{\"src\": null, \"dst\": \"\", \"sport\": 0, \"dport\": \"0\"}",
                        "must name at least one"),
                json("mixed families", "{\"src\": \"10.1.2.3\", \"dst\": \"2001:db8::1\"}", "dst (2001:db8::1) is not of the"),
                json("IPv4 prefix", "{\"src\": \"10.0.0.0/8\"}", "src (10.0.0.0/8) must be"),
                json("IPv6 prefix", "{\"dst\": \"2001:db8::/32\"}", "dst (2001:db8::/32) must"),
                json("0.0.0.0", "{\"src\": \"0.0.0.0\"}", "unspecified"),
                json("::", "{\"dst\": \"::\"}", "unspecified"),
                json("escaped control characters", "{\"src\": \"10.1.2.3\\u0000\\n\"}", "src (10.1.2.3\\u0000\\u000a)"),
                json("raw newline in a string", "{\"src\": \"10.1.2.3\n\"}", "not valid JSON"),
                json("unknown protocol", "{\"src\": \"10.1.2.3\", \"proto\": \"quic\"}", "proto (quic)"),
                json("protocol 256", "{\"src\": \"10.1.2.3\", \"proto\": 256}", "proto (256)"),
                json("huge number", "{\"proto\": \"tcp\", \"dport\": 1e400}", "dport (1e400)"),
                json("huge integer", "{\"proto\": \"tcp\", \"dport\": 123456789012345678901234567890}", "dport (1234567"),
                json("duplicate key", "{\"src\": \"10.1.2.3\", \"src\": \"10.1.2.4\"}", "appears twice"),
                json("data after the object", "{\"src\": \"10.1.2.3\"} {\"src\": \"10.1.2.4\"}", "data after"),
                json("single quotes", "{'src': '10.1.2.3'}", "not valid JSON"),
                json("IPv6 zone", "{\"src\": \"fe80::1%eth0\"}", "src (fe80::1%eth0)"),
                json("deeply nested", "{\"x\": " + "[".repeat(1000) + "]".repeat(400), "not valid JSON"),
                bytes("non-UTF-8 bytes", new byte[] {'{', '"', 's', 'r', 'c', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
                        "not UTF-8"),
                bytes("empty datagram", new byte[0], "request is empty"),
                bytes("1501 bytes", padded(1501), "request too large"),
                bytes("9000 bytes", padded(9000), "request too large"),
                bytes("60000 bytes", padded(60_000), "request too large"));
    }

    /** Whether {@code reply} says {@code reason}, or ends in its beginning, cut to the request's size. */
    private static boolean saysOrIsCutShortOf(String reply, String reason) {
        if (reply.contains(reason)) {
            return true;
        }
        for (int end = reason.length() - 1; end > 0; end--) {
            if (reply.endsWith(reason.substring(0, end))) {
                return true;
            }
        }
        return false;
    }

    /** A valid request padded with an unknown key to exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        String head = "{\"src\": \"10.1.2.3\", \"pad\": \"";
        String json = head + "x".repeat(size - head.length() - 2) + "\"}";
        assertEquals(size, json.getBytes(UTF_8).length);
        return json.getBytes(UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedDatagramsGetOneErrorAndTheServerCarriesOn(String name, byte[] datagram, String reason)
            throws IOException {
        try (Sensor sensor = new Sensor(server.addresses().get(0))) {
            String reply = sensor.ask(datagram);

            assertTrue(reply.startsWith("error: "), reply);
            assertTrue(saysOrIsCutShortOf(reply, reason), () -> reply + " should say " + reason);
            int limit = Math.max(datagram.length, 32);
            assertTrue(reply.getBytes(UTF_8).length <= limit, () -> reply + " is longer than " + limit + " bytes");
            assertTrue(shunter.requests().isEmpty());
            ServerStats refused = server.stats();
            assertEquals(1, refused.received());
            assertEquals(1, refused.errorCount());
            assertEquals(0, refused.ok());

            assertEquals("ok", sensor.ask(VALID));
            assertEquals(2, server.stats().received());
            assertEquals(2, server.stats().answered());
        }
    }

    @org.junit.jupiter.api.Test
    void exactlyFifteenHundredBytesAreRead() throws IOException {
        try (Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("ok", sensor.ask(padded(1500)));
            assertEquals("error: request too large", sensor.ask(padded(1501)));
        }
        assertEquals(1, server.stats().errors().get(ErrorKind.TOO_LARGE));
    }
}
