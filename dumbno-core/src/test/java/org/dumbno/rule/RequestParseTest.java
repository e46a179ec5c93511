package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dumbno.testing.Addrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading request datagrams as the three clients in use send them. */
class RequestParseTest {

    static Request parse(String json) {
        return Request.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    static String refusal(String json) {
        return assertThrows(InvalidRequestException.class, () -> parse(json)).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // Python client: null for unset fields
        "{\"src\": \"1.2.3.4\", \"dst\": \"5.6.7.8\", \"proto\": \"tcp\", \"sport\": null, \"dport\": 567}",
        // Go client: "" and 0 for unset fields
        "{\"src\": \"1.2.3.4\", \"dst\": \"5.6.7.8\", \"proto\": \"tcp\", \"sport\": 0, \"dport\": 567}",
        "{\"src\": \"1.2.3.4\", \"dst\": \"5.6.7.8\", \"proto\": \"TCP\", \"sport\": \"\", \"dport\": \"567\"}",
        // Zeek plugin: real numbers, unset fields absent
        "{\"src\": \"1.2.3.4\", \"dst\": \"5.6.7.8\", \"proto\": \"tcp\", \"dport\": 567}",
        "{\"src\":\"1.2.3.4\",\"dst\":\"5.6.7.8\",\"proto\":6,\"dport\":567,\"client\":\"zeek\"}",
        "{\"dport\": \"567\", \"proto\": \"6\", \"dst\": \"5.6.7.8\", \"src\": \"1.2.3.4\", \"x\": [1, {\"y\": null}]}",
    })
    void clientShapesAllMeanTheSameRule(String json) {
        assertEquals("tcp host 1.2.3.4 host 5.6.7.8 eq 567", parse(json).toRule().text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"src\": \"1.2.3.4\"}",
        "{\"src\": \"1.2.3.4\", \"dst\": null, \"proto\": null, \"sport\": null, \"dport\": null}",
        "{\"src\": \"1.2.3.4\", \"dst\": \"\", \"proto\": \"\", \"sport\": 0, \"dport\": \"0\"}",
        "{\"src\": \"1.2.3.4\", \"proto\": \"ip\"}",
        "{\"src\": \"1.2.3.4\", \"proto\": 0}",
        " \n{\"src\" : \"1.2.3.4\"}\n ",
    })
    void absentNullEmptyAndZeroMeanAny(String json) {
        Request request = parse(json);

        assertNull(request.dst());
        assertEquals(Protocol.ANY, request.proto());
        assertEquals(0, request.sport());
        assertEquals(0, request.dport());
        assertEquals("ip host 1.2.3.4 any", request.toRule().text());
    }

    @Test
    void ipWithIpv6AddressesMeansIpv6() {
        Request request = parse("{\"src\": \"2001:DB8::1\", \"dst\": \"2001:db8:0:0:0:0:0:2\", \"proto\": \"ip\"}");

        assertEquals(Family.IPV6, request.family());
        assertEquals("ipv6 host 2001:db8::1 host 2001:db8::2", request.toRule().text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ::1               | ipv6 host ::1 any
            ::2               | ipv6 host ::2 any
            ::ffff:0:10.0.0.1 | ipv6 host ::ffff:0:a00:1 any
            64:ff9b::10.0.0.1 | ipv6 host 64:ff9b::a00:1 any
            """)
    void ipv6AddressesThatOnlyLookLikeIpv4AreKept(String src, String rule) {
        assertEquals(rule, parse("{\"src\": \"" + src + "\"}").toRule().text());
    }

    @Test
    void anIpv4MappedAddressIsRefusedOnEveryWayIn() {
        String message = "src (::ffff:10.0.0.1) is an IPv4-mapped address: send 10.0.0.1";
        assertEquals(message, assertThrows(InvalidRequestException.class,
                () -> Request.of("::ffff:10.0.0.1", null, "tcp", null, 80)).getMessage());
        assertEquals(message, assertThrows(InvalidRequestException.class, () -> new Request(
                Addrs.ip("::ffff:a00:1"), null, Protocol.TCP, 0, 80)).getMessage());
    }

    @Test
    void icmpv6WithIpv6Addresses() {
        assertEquals("icmpv6 host 2001:db8::1 any",
                parse("{\"src\": \"2001:db8::1\", \"proto\": \"ICMPv6\"}").toRule().text());
    }

    @Test
    void udpAndSctpCarryPorts() {
        assertEquals("udp any eq 53 host 192.0.2.9",
                parse("{\"dst\": \"192.0.2.9\", \"proto\": \"udp\", \"sport\": 53}").toRule().text());
        assertEquals("sctp any any eq 2905",
                parse("{\"proto\": \"sctp\", \"dport\": 2905}").toRule().text());
    }

    @Test
    void protocolNumbersAsStringsAndNumbers() {
        assertEquals(Protocol.UDP, parse("{\"src\": \"1.2.3.4\", \"proto\": \"17\"}").proto());
        assertEquals(new Protocol(255), parse("{\"src\": \"1.2.3.4\", \"proto\": 255}").proto());
        assertEquals("gre host 1.2.3.4 any", parse("{\"src\": \"1.2.3.4\", \"proto\": 47}").toRule().text());
    }

    @Test
    void largestDatagramIsAccepted() {
        String head = "{\"src\": \"1.2.3.4\", \"pad\": \"";
        char[] pad = new char[RequestReader.MAX_BYTES - head.length() - 2];
        Arrays.fill(pad, 'x');
        String json = head + new String(pad) + "\"}";

        assertEquals(RequestReader.MAX_BYTES, json.length());
        assertEquals("ip host 1.2.3.4 any", parse(json).toRule().text());
        assertTrue(refusal(json + " ").contains("at most 1500"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"dport": 70000, "proto": "tcp"}             | dport (70000) must be 1-65535
            {"dport": "70000", "proto": "tcp"}           | dport (70000) must be 1-65535
            {"dport": 1234567, "proto": "tcp"}           | dport (1234567) must be 1-65535
            {"sport": -1, "proto": "tcp"}                | sport (-1) must be a whole number 1-65535
            {"sport": 1.5, "proto": "tcp"}               | sport (1.5) must be a whole number 1-65535
            {"sport": 8e1, "proto": "tcp"}               | sport (8e1) must be a whole number 1-65535
            {"sport": "0x50", "proto": "tcp"}            | sport (0x50) must be a whole number 1-65535
            {"sport": "80abc", "proto": "tcp"}           | sport (80abc) must be a whole number 1-65535
            {"sport": " 80", "proto": "tcp"}             | sport ( 80) must be a whole number 1-65535
            {"sport": true, "proto": "tcp"}              | sport must be a number or a string, not boolean
            {"dport": [80], "proto": "tcp"}              | dport must be a number or a string, not array
            {"dport": {"n": 80}, "proto": "tcp"}         | dport must be a number or a string, not object
            {"src": 16909060}                            | src (16909060) must be a string
            {"src": ["1.2.3.4"]}                         | src must be a string, not array
            {"src": "example.com"}                       | src (example.com) is not an IPv4 or IPv6 address literal
            {"src": "localhost"}                         | src (localhost) is not an IPv4 or IPv6 address literal
            {"dst": "1.2.3"}                             | dst (1.2.3) is not an IPv4 or IPv6 address literal
            {"dst": "16909060"}                          | dst (16909060) is not an IPv4 or IPv6 address literal
            {"dst": "010.1.2.3"}                         | dst (010.1.2.3) is not an IPv4 or IPv6 address literal
            {"dst": "0x7f.0.0.1"}                        | dst (0x7f.0.0.1) is not an IPv4 or IPv6 address literal
            {"dst": "1.2.3.*"}                           | dst (1.2.3.*) is not an IPv4 or IPv6 address literal
            {"dst": "1.2.3.4-9"}                         | dst (1.2.3.4-9) is not an IPv4 or IPv6 address literal
            {"dst": " 1.2.3.4"}                          | dst ( 1.2.3.4) is not an IPv4 or IPv6 address literal
            {"dst": "10.0.0.0/8"}                        | dst (10.0.0.0/8) must be a single address, not a prefix
            {"dst": "fe80::1%eth0"}                      | dst (fe80::1%eth0) must be an address without a zone id
            {"dst": "0.0.0.0"}                           | dst (0.0.0.0) is the unspecified address; leave dst out to mean any
            {"src": "::"}                                | src (::) is the unspecified address; leave src out to mean any
            {"src": "::ffff:10.0.0.1", "dst": "::ffff:192.0.2.53"} | src (::ffff:10.0.0.1) is an IPv4-mapped address: send 10.0.0.1
            {"src": "2001:db8::1", "dst": "::FFFF:C000:235"} | dst (::ffff:192.0.2.53) is an IPv4-mapped address: send 192.0.2.53
            {"dst": "0:0:0:0:0:ffff:127.0.0.1"}          | dst (::ffff:127.0.0.1) is an IPv4-mapped address: send 127.0.0.1
            {"src": "::10.0.0.1"}                        | src (::10.0.0.1) is an IPv4-compatible address: send 10.0.0.1
            {"dst": "::c000:235", "proto": "tcp", "dport": 53} | dst (::192.0.2.53) is an IPv4-compatible address: send 192.0.2.53
            {"src": "1.2.3.4", "dst": "2001:db8::1"}     | dst (2001:db8::1) is not of the address family of src (1.2.3.4)
            {"src": "2001:db8::1", "proto": "icmp"}      | proto (icmp) is for IPv4; use icmpv6 with IPv6
            {"src": "1.2.3.4", "proto": "icmpv6"}        | proto (icmpv6) is for IPv6; use icmp with IPv4
            {"src": "1.2.3.4", "proto": "bogus"}         | proto (bogus) must be one of ip, ipv6, tcp, udp, icmp, icmpv6, sctp, igmp, gre, esp, ahp, ospf, pim, vrrp or a number 0-255
            {"src": "1.2.3.4", "proto": 256}             | proto (256) must be 0-255
            {"src": "1.2.3.4", "proto": 6.0}             | proto (6.0) must be a whole number 0-255
            {"src": "1.2.3.4", "proto": true}            | proto must be a number or a string, not boolean
            {"src": "1.2.3.4", "dport": 80}              | dport (80) needs proto tcp, udp or sctp, not ip
            {"src": "1.2.3.4", "proto": "icmp", "sport": 8} | sport (8) needs proto tcp, udp or sctp, not icmp
            {"proto": "tcp"}                             | request must name at least one of src, dst, sport, dport
            {}                                           | request must name at least one of src, dst, sport, dport
            {"src": null, "dst": "", "sport": 0}         | request must name at least one of src, dst, sport, dport
            {"src": "1.2.3.4", "src": "5.6.7.8"}         | key (src) appears twice in the request
            {"x": 1, "x": 2, "src": "1.2.3.4"}           | key (x) appears twice in the request
            ["1.2.3.4"]                                  | request must be one JSON object, not array
            "1.2.3.4"                                    | request must be one JSON object, not string
            {"src": "1.2.3.4"} {"src": "5.6.7.8"}        | request has data after the JSON object
            {"src": "1.2.3.4"}x                          | request has data after the JSON object
            {"op": "delete", "src": "1.2.3.4"}           | op (delete) must be add or remove
            {"op": 1, "src": "1.2.3.4"}                  | op (1) must be a string
            {"op": "remove"}                             | request must name at least one of src, dst, sport, dport
            """)
    void refusalsNameTheFieldAndTheValue(String json, String message) {
        assertEquals(message, refusal(json));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{'src': '1.2.3.4'}",
        "{src: \"1.2.3.4\"}",
        "{\"src\": \"1.2.3.4\",}",
        "{\"src\": \"1.2.3.4\" // comment\n}",
        "{\"src\": \"1.2.3.4\"",
        "{\"src\": NaN}",
        "{\"src\": \"1.2.3.4\\x\"}",
    })
    void malformedJsonIsRefused(String json) {
        assertTrue(refusal(json).startsWith("request is not valid JSON ("), () -> refusal(json));
    }

    @Test
    void emptyDatagramIsRefused() {
        assertEquals("request is empty", assertThrows(InvalidRequestException.class,
                () -> Request.parse(new byte[0])).getMessage());
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] datagram = {'{', '"', 's', 'r', 'c', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};

        assertEquals("request is not UTF-8 text", assertThrows(InvalidRequestException.class,
                () -> Request.parse(datagram)).getMessage());
    }

    @Test
    void controlCharactersInValuesAreEscapedInTheMessage() {
        String message = refusal("{\"src\": \"1.2.3.4\\n\\u0000\\u00e9\"}");

        assertEquals("src (1.2.3.4\\u000a\\u0000\\u00e9) is not an IPv4 or IPv6 address literal", message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"src\": \"1.2.3.4\", \"note\": \"a\u0001b\"}",
        "{\"src\": \"1.2.3.4\", \"note\": \"a\tb\"}",
        "{\"src\": \"1.2.3.4\", \"note\": [\"\\\"\n\"]}",
        "{\"src\": \"1.2.3.4\", \"a\u0000b\": 1}",
    })
    void unescapedControlCharactersInStringsAreRefused(String json) {
        String message = refusal(json);

        assertTrue(message.startsWith("request is not valid JSON (") && message.contains("ontrol character"), message);
    }

    @Test
    void escapedControlCharactersAndWhitespaceBetweenTokensAreAccepted() {
        Request request = parse("{\t\"src\":\r\n\"1.2.3.4\",\n\"note\": \"a\\tb\\u0001\\\\\"}");

        assertEquals("ip host 1.2.3.4 any", request.toRule().text());
    }

    @Test
    void longValuesAreCutInTheMessage() {
        String message = refusal("{\"src\": \"" + "a".repeat(1000) + "\"}");

        assertEquals("src (" + "a".repeat(64) + "...) is not an IPv4 or IPv6 address literal", message);
    }
}
