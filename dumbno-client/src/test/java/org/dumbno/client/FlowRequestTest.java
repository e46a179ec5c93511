package org.dumbno.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire format as a client writes it: canonical text, JSON, signatures, and what it refuses. */
class FlowRequestTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** HMAC-SHA256 under KEY of the canonical string below, as {@code openssl dgst -sha256 -hmac} prints it. */
    private static final String SIG = "0e831be0324a0fce13332955b772591ef584fce10a18d6da5860897d16128538";

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        1.2.3.4        | 5.6.7.8 | TCP    | 123 | 567 | {"src":"1.2.3.4","dst":"5.6.7.8","proto":"tcp","sport":123,"dport":567}
        -              | 2001:DB8:0::2 | ip | - | -   | {"src":null,"dst":"2001:db8::2","proto":"ipv6","sport":null,"dport":null}
        1.2.3.4        | -       | 99     | -   | -   | {"src":"1.2.3.4","dst":null,"proto":"99","sport":null,"dport":null}
        -              | -       | icmpv6 | 0   | 53  | {"src":null,"dst":null,"proto":"icmpv6","sport":null,"dport":53}
        ''             | ''      | ''     | -   | 53  | {"src":null,"dst":null,"proto":"ip","sport":null,"dport":53}
        2001:db8:0:0:1:0:0:1 | - | -      | -   | -   | {"src":"2001:db8::1:0:0:1","dst":null,"proto":"ipv6","sport":null,"dport":null}
        2001:db8:0:1:1:1:1:1 | - | -      | -   | -   | {"src":"2001:db8:0:1:1:1:1:1","dst":null,"proto":"ipv6","sport":null,"dport":null}
        """)
    void writesTheDatagram(String src, String dst, String proto, Integer sport, Integer dport, String json) {
        assertEquals(json, FlowRequest.of(src, dst, proto, sport, dport).toJson());
    }

    @Test
    void builderNamesEachPartAndRefusesWhatCannotBeSent() {
        assertEquals(FlowRequest.of("10.1.2.3", "192.0.2.9", "tcp", null, 443),
                FlowRequest.builder().src("10.1.2.3").dst("192.0.2.9").proto("tcp").dport(443).build());
        assertEquals(FlowRequest.of(null, "2001:db8::2", "icmpv6", null, null),
                FlowRequest.builder().dst("2001:DB8::2").proto("icmpv6").build());
        assertEquals("dport (70000) must be 1-65535", assertThrows(IllegalArgumentException.class,
                () -> FlowRequest.builder().src("10.1.2.3").dport(70000).build()).getMessage());
        assertEquals("request must name at least one of src, dst, sport, dport",
                assertThrows(IllegalArgumentException.class, () -> FlowRequest.builder().proto("udp").build()).getMessage());
    }

    @Test
    void signsTheCanonicalString() {
        FlowRequest request = FlowRequest.of("10.1.2.3", "10.9.8.7", "tcp", null, 443);
        assertEquals("dumbno-v1\n10.1.2.3\n10.9.8.7\ntcp\n0\n443\n1700000000", request.canonical(1_700_000_000L));
        assertEquals("{\"src\":\"10.1.2.3\",\"dst\":\"10.9.8.7\",\"proto\":\"tcp\",\"sport\":null,\"dport\":443,"
                + "\"ts\":1700000000,\"sig\":\"" + SIG + "\"}", request.toSignedJson(KEY, 1_700_000_000L));
        assertEquals("dumbno-v1\n\n2001:db8::1\n\n0\n0\n5", FlowRequest.of(null, "2001:DB8::1", "ipv6", 0, 0).canonical(5));
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        10.1.2.3  | -  | tcp   | -     | 70000 | dport (70000) must be 1-65535
        10.1.2.3  | -  | tcp   | -1    | -     | sport (-1) must be 1-65535
        -         | -  | tcp   | -     | -     | request must name at least one of src, dst, sport, dport
        host.example | - | -   | -     | -     | src (host.example) is not an IPv4 or IPv6 address literal
        -         | 1.2.3 | -  | -     | -     | dst (1.2.3) is not an IPv4 or IPv6 address literal
        010.0.0.1 | -  | -     | -     | -     | src (010.0.0.1) is not an IPv4 or IPv6 address literal
        10.0.0.0/8 | - | -     | -     | -     | src (10.0.0.0/8) is not an IPv4 or IPv6 address literal
        fe80::1%eth0 | - | -   | -     | -     | src (fe80::1%eth0) is not an IPv4 or IPv6 address literal
        ::ffff:10.0.0.1 | - | - | -    | -     | src (::ffff:10.0.0.1) is an IPv4-mapped address: send 10.0.0.1
        ::10.0.0.1 | - | -     | -     | -     | src (::10.0.0.1) is an IPv4-compatible address: send 10.0.0.1
        0.0.0.0   | -  | -     | -     | -     | src (0.0.0.0) is the unspecified address; leave src out to mean any
        ::        | -  | -     | -     | -     | src (::) is the unspecified address; leave src out to mean any
        10.1.2.3  | -  | 256   | -     | -     | proto (256) must be 0-255
        10.1.2.3  | -  | smtp  | -     | -     | proto (smtp) must be a protocol name (tcp, udp, icmp, ...) or a number 0-255
        """)
    void refusesWhatItCannotSend(String src, String dst, String proto, Integer sport, Integer dport, String message) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> FlowRequest.of(src, dst, proto, sport, dport));
        assertEquals(message, refusal.getMessage());
    }

    @Test
    void refusesAShortKey() {
        FlowRequest request = FlowRequest.of("10.1.2.3", null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> request.toSignedJson(new byte[15], 1));
        assertThrows(IllegalArgumentException.class, () -> request.toSignedJson(KEY, -1));
    }
}
