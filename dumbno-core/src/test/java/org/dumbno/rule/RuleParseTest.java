package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading rule text back from the switch, and comparing rules by what they match. */
class RuleParseTest {

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp any any eq 443                        | tcp any any eq https
            tcp any any eq 80                         | TCP ANY ANY EQ WWW
            tcp any any eq 53                         | tcp any any eq domain
            udp any eq 69 any                         | udp any eq tftp any
            6 any any                                 | tcp any any
            17 any any                                | udp any any
            0 host 1.2.3.4 any                        | ip host 1.2.3.4 any
            ip 0.0.0.0/0 0.0.0.0/0                    | ip any any
            ip 1.2.3.4/32 any                         | ip host 1.2.3.4 any
            ip 10.0.0.5/24 any                        | ip 10.0.0.0/24 any
            ipv6 ::/0 any                             | ipv6 any any
            ipv6 host 2001:DB8::1 any                 | ipv6 host 2001:db8::1 any
            ipv6 host 2001:0db8:0000::0001 any        | ipv6 host 2001:db8::1 any
            ipv6 2001:db8::1/128 2001:db8:1::9/48     | ipv6 host 2001:db8::1 2001:db8:1::/48
            58 host 2001:db8::1 any                   | icmpv6 host 2001:db8::1 any
            tcp any any syn fin                       | tcp any any fin syn
            '  tcp   any  any  '                      | tcp any any
            """)
    void differentTextSameRule(String one, String other) {
        Rule a = Rule.parse(one);
        Rule b = Rule.parse(other);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.text(), b.text());
        assertEquals(a.canonicalText(), b.canonicalText());
    }

    @ParameterizedTest(name = "{0}: {1} == {2}")
    @CsvSource(delimiter = '|', textBlock = """
            IP   | 50 host 1.2.3.4 any         | 50 host 1.2.3.4 any
            IP   | 51 any any                  | ahp any any
            IP   | 132 any any eq 9            | sctp any any eq 9
            IPV6 | 51 any any                  | 51 any any
            IPV6 | 89 any any                  | ospf any any
            IPV6 | 58 any any                  | icmpv6 any any
            """)
    void numbersAndKeywordsOfOneFamilyAreOneRule(Family family, String one, String other) {
        assertEquals(Rule.parse(family, one), Rule.parse(family, other));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"src": "10.0.0.1", "proto": "esp"}             | 50 host 10.0.0.1 any
            {"src": "10.0.0.1", "proto": 50}                | 50 host 10.0.0.1 any
            {"src": "2001:db8::1", "proto": "esp"}          | 50 host 2001:db8::1 any
            {"src": "10.0.0.1", "proto": "ahp"}             | ahp host 10.0.0.1 any
            {"src": "2001:db8::1", "proto": 51}             | 51 host 2001:db8::1 any
            {"src": "2001:db8::1", "proto": "gre"}          | 47 host 2001:db8::1 any
            {"src": "2001:db8::1", "proto": "sctp"}         | 132 host 2001:db8::1 any
            """)
    void requestsAreWrittenAsTheFamilyTakesThem(String json, String text) {
        Rule rule = Request.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toRule();
        assertEquals(text, rule.text());
        assertEquals(rule, Rule.parse(rule.family(), rule.text()));
        assertEquals(rule, Rule.parse(rule.family(), rule.canonicalText()));
    }

    @Test
    void sctpPortsInIpv6AreRefusedForWantOfAKeyword() {
        assertEquals("dport (9) needs proto tcp or udp with IPv6 (EOS has no sctp keyword there)",
                assertThrows(InvalidRequestException.class,
                        () -> Request.of("2001:db8::1", null, "sctp", null, 9).toRule()).getMessage());
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp any any eq 443               | tcp any eq 443 any
            tcp any any                      | udp any any
            ip any any                       | ipv6 any any
            tcp any any                      | tcp any any syn
            ip 10.0.0.0/24 any               | ip 10.0.0.0/25 any
            ip host 10.0.0.0 any             | ip 10.0.0.0/24 any
            ip host 1.2.3.4 any              | ip any host 1.2.3.4
            """)
    void differentRules(String one, String other) {
        assertNotEquals(Rule.parse(one), Rule.parse(other));
    }

    @Test
    void familyIsInferredFromProtocolOrAddresses() {
        assertEquals(Family.IP, Rule.parse("tcp any any").family());
        assertEquals(Family.IPV6, Rule.parse("tcp host 2001:db8::1 any").family());
        assertEquals(Family.IPV6, Rule.parse("tcp any 2001:db8::/32").family());
        assertEquals(Family.IPV6, Rule.parse("ipv6 any any").family());
        assertEquals(Family.IPV6, Rule.parse("icmpv6 any any").family());
    }

    @Test
    void givenFamilyDecidesForAnyAny() {
        Rule rule = Rule.parse(Family.IPV6, "tcp any any fin");

        assertEquals(Family.IPV6, rule.family());
        assertEquals(new Rule(Family.IPV6, Protocol.TCP, Endpoint.any(), Endpoint.any(),
                Set.of(TcpFlag.FIN)), rule);
        assertNotEquals(Rule.parse(Family.IP, "tcp any any fin"), rule);
    }

    @Test
    void setupPermitsRoundTrip() {
        for (TcpFlag flag : EnumSet.of(TcpFlag.FIN, TcpFlag.SYN, TcpFlag.RST)) {
            String text = "tcp any any " + flag.keyword();
            assertEquals(text, Rule.parse(text).text());
        }
        assertEquals("ip any any", Rule.anyTraffic(Family.IP).text());
        assertEquals("ipv6 any any", Rule.anyTraffic(Family.IPV6).text());
        assertEquals(Rule.anyTraffic(Family.IPV6), Rule.parse(Family.IPV6, "ipv6 any any"));
    }

    @Test
    void prefixesAreWrittenAsNetworkAndLength() {
        assertEquals("tcp 2001:db8::/32 any", Rule.parse("tcp 2001:DB8::5/32 any").text());
        assertEquals("tcp 10.0.0.0/8 eq 22 any", Rule.parse("tcp 10.1.2.3/8 eq 22 any").text());
        assertEquals("tcp 10.0.0.0/8 eq ssh any", Rule.parse("tcp 10.1.2.3/8 eq 22 any").canonicalText());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ip any any log                          | rule token 4 (log) is not expected here
            tcp any any range 1 2                   | rule token 4 (range) is not expected here
            tcp any any eq 80 eq 81                 | rule token 6 (eq) is not expected here
            tcp any any syn syn                     | rule token 5 (syn) is not expected here
            tcp any any established                 | rule token 4 (established) is not expected here
            ip any any any                          | rule token 4 (any) is not expected here
            ip any any;                             | rule token 3 (any;) is not any, host or ADDRESS/LENGTH
            ip any any ; no ip access-list x        | rule token 4 (;) is not expected here
            deny ip any any                         | rule token 1 (deny) is not a protocol
            tcpx any any                            | rule token 1 (tcpx) is not a protocol
            256 any any                             | rule token 1 (256) is not a protocol
            ip anywhere any                         | rule token 2 (anywhere) is not any, host or ADDRESS/LENGTH
            ip 10.0.0.0 0.255.255.255 any           | rule token 2 (10.0.0.0) is not any, host or ADDRESS/LENGTH
            ip host example.com any                 | rule token 3 (example.com) is not an IPv4 or IPv6 address literal
            ip host 10.0.0.0/8 any                  | rule token 3 (10.0.0.0/8) must be a single address, not a prefix
            ip 10.0.0.0/33 any                      | rule token 2 (10.0.0.0/33) is not an ADDRESS/LENGTH prefix
            ip 1.2.3/8 any                          | rule token 2 (1.2.3/8) is not an ADDRESS/LENGTH prefix
            tcp any any eq 0                        | rule token 5 (0) is not a port 1-65535 or a port name
            tcp any any eq 65536                    | rule token 5 (65536) is not a port 1-65535 or a port name
            tcp any any eq http-alt                 | rule token 5 (http-alt) is not a port 1-65535 or a port name
            ip any any eq 80                        | dport (80) needs proto tcp, udp or sctp, not ip
            icmp any eq 8 any                       | sport (8) needs proto tcp, udp or sctp, not icmp
            udp any any syn                         | flags ([SYN]) need proto tcp, not udp
            ip host 1.2.3.4 host 2001:db8::1        | dst (host 2001:db8::1) is not an address of family ip
            icmp host 2001:db8::1 any               | proto (icmp) is for IPv4; use icmpv6 with IPv6
            ip host 2001:db8::1 any                 | rule token 1 (ip) does not fit a rule of family ipv6
            ipv6 host 1.2.3.4 any                   | src (host 1.2.3.4) is not an address of family ipv6
            ip                                      | rule ends where an address: any, host ADDRESS or ADDRESS/LENGTH is expected
            ip any host                             | rule ends where an address after host is expected
            tcp any any eq                          | rule ends where a port after eq is expected
            """)
    void refusalsNameTheToken(String text, String message) {
        assertEquals(message, assertThrows(InvalidRequestException.class, () -> Rule.parse(text)).getMessage());
    }

    @Test
    void blankAndControlCharactersAreRefused() {
        assertEquals("rule text is empty",
                assertThrows(InvalidRequestException.class, () -> Rule.parse("  ")).getMessage());
        assertEquals("rule (ip any any\\u000ano ip any any) contains a control or non-ASCII character",
                assertThrows(InvalidRequestException.class,
                        () -> Rule.parse("ip any any\nno ip any any")).getMessage());
        assertThrows(InvalidRequestException.class, () -> Rule.parse("ip\tany any"));
    }

    @Test
    void familyGivenAndTextDisagree() {
        assertEquals("rule token 1 (ipv6) does not fit a rule of family ip",
                assertThrows(InvalidRequestException.class,
                        () -> Rule.parse(Family.IP, "ipv6 any any")).getMessage());
        assertEquals("proto (icmpv6) is for IPv6; use icmp with IPv4",
                assertThrows(InvalidRequestException.class,
                        () -> Rule.parse(Family.IP, "icmpv6 any any")).getMessage());
    }
}
