package org.dumbno.rule;

import static org.dumbno.testing.Addrs.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTest {

    @Test
    void ofValidatesLikeTheWire() {
        assertEquals("dport (70000) must be 1-65535", assertThrows(InvalidRequestException.class,
                () -> Request.of("1.2.3.4", null, "tcp", null, 70000)).getMessage());
        assertEquals("src (example.com) is not an IPv4 or IPv6 address literal",
                assertThrows(InvalidRequestException.class,
                        () -> Request.of("example.com", null, null, null, null)).getMessage());
        assertEquals("request must name at least one of src, dst, sport, dport",
                assertThrows(InvalidRequestException.class,
                        () -> Request.of("", "", "tcp", 0, 0)).getMessage());
    }

    @Test
    void builderNamesEachPartAndValidatesLikeTheWire() {
        assertEquals(Request.of("10.1.2.3", "192.0.2.9", "tcp", null, 443),
                Request.builder().src("10.1.2.3").dst("192.0.2.9").proto("tcp").dport(443).build());
        assertEquals(Request.of(null, "2001:db8::2", "udp", 53, null),
                Request.builder().dst("2001:db8::2").proto("udp").sport(53).build());
        assertEquals("dport (70000) must be 1-65535", assertThrows(InvalidRequestException.class,
                () -> Request.builder().src("1.2.3.4").proto("tcp").dport(70000).build()).getMessage());
        assertEquals("request must name at least one of src, dst, sport, dport",
                assertThrows(InvalidRequestException.class, () -> Request.builder().proto("udp").build()).getMessage());
    }

    @Test
    void constructorNormalizesAndRefuses() {
        Request request = new Request(ip("1.2.3.4/32"), null, null, 0, 0);

        assertEquals(Protocol.ANY, request.proto());
        assertEquals(ip("1.2.3.4"), request.src());
        assertEquals("src (1.2.3.0/24) must be a single address, not a prefix",
                assertThrows(InvalidRequestException.class,
                        () -> new Request(ip("1.2.3.0/24"), null, null, 0, 0)).getMessage());
        assertEquals("sport (-5) must be 1-65535", assertThrows(InvalidRequestException.class,
                () -> new Request(null, null, Protocol.TCP, -5, 0)).getMessage());
    }

    @Test
    void portsFollowWhatTheFamilyCanWrite() {
        assertEquals("dport (2) needs proto tcp or udp with IPv6 (EOS has no sctp keyword there)",
                assertThrows(InvalidRequestException.class,
                        () -> Request.of("2001:db8::1", null, "sctp", null, 2)).getMessage());
        assertEquals(Protocol.parse("sctp"), Request.of("10.0.0.1", null, "sctp", null, 2).proto());
    }

    @Test
    void familyFollowsTheAddresses() {
        assertEquals(Family.IP, Request.of("1.2.3.4", null, null, null, null).family());
        assertEquals(Family.IPV6, Request.of(null, "::1", null, null, null).family());
        assertEquals(Family.IP, Request.of(null, null, "tcp", null, 80).family());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            192.0.2.50 | 5.6.7.8    | tcp | 123 | 567 | ip host 192.0.2.50 host 5.6.7.8
            1.2.3.4    | 192.0.2.50 | udp | 53  | -   | ip host 1.2.3.4 host 192.0.2.50
            -          | 192.0.2.50 | tcp | -   | 443 | ip any host 192.0.2.50
            192.0.2.50 | -          | -   | -   | -   | ip host 192.0.2.50 any
            1.2.3.4    | 5.6.7.8    | tcp | 123 | 567 | tcp host 1.2.3.4 eq 123 host 5.6.7.8 eq 567
            2001:db8::50 | 2001:db8::1 | tcp | 1 | 2 | ipv6 host 2001:db8::50 host 2001:db8::1
            """)
    void twoTupleHostsGetHostPairRules(String src, String dst, String proto, Integer sport, Integer dport,
            String rule) {
        Set<inet.ipaddr.IPAddress> hosts = Set.of(ip("192.0.2.50"), ip("2001:db8::50/128"));

        assertEquals(rule, Request.of(src, dst, proto, sport, dport).toRule(hosts).text());
    }

    @Test
    void toJsonIsWhatClientsSend() {
        assertEquals("{\"src\":\"1.2.3.4\",\"dst\":\"5.6.7.8\",\"proto\":\"tcp\",\"sport\":123,\"dport\":567}",
                Request.of("1.2.3.4", "5.6.7.8", "TCP", 123, 567).toJson());
        assertEquals("{\"src\":null,\"dst\":\"2001:db8::2\",\"proto\":\"ipv6\",\"sport\":null,\"dport\":null}",
                Request.of(null, "2001:DB8:0::2", "ip", null, null).toJson());
        assertEquals("{\"src\":\"1.2.3.4\",\"dst\":null,\"proto\":\"99\",\"sport\":null,\"dport\":null}",
                Request.of("1.2.3.4", null, "99", null, null).toJson());
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @CsvSource(nullValues = "-", textBlock = """
            1.2.3.4, 5.6.7.8, tcp, 123, 567
            -, 5.6.7.8, udp, -, 53
            2001:db8::1, -, icmpv6, -, -
            -, -, sctp, 9, -
            10.0.0.1, -, gre, -, -
            """)
    void toJsonParsesBackToTheSameRequest(String src, String dst, String proto, Integer sport, Integer dport) {
        Request request = Request.of(src, dst, proto, sport, dport);

        assertEquals(request, Request.parse(request.toJson().getBytes(StandardCharsets.UTF_8)));
    }
}
