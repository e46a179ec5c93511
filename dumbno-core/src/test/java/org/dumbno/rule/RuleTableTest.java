package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request → rule table of the contract, row by row. */
class RuleTableTest {

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1.2.3.4     | -           | -   | -   | -   | ip host 1.2.3.4 any
            1.2.3.4     | 5.6.7.8     | -   | -   | -   | ip host 1.2.3.4 host 5.6.7.8
            1.2.3.4     | 5.6.7.8     | tcp | 123 | 567 | tcp host 1.2.3.4 eq 123 host 5.6.7.8 eq 567
            1.2.3.4     | 5.6.7.8     | tcp | -   | 567 | tcp host 1.2.3.4 host 5.6.7.8 eq 567
            -           | 5.6.7.8     | tcp | -   | 567 | tcp any host 5.6.7.8 eq 567
            -           | -           | tcp | -   | 567 | tcp any any eq 567
            2001:db8::1 | 2001:db8::2 | -   | -   | -   | ipv6 host 2001:db8::1 host 2001:db8::2
            """)
    void requestBecomesTheRuleOfTheTable(String src, String dst, String proto, Integer sport,
            Integer dport, String rule) {
        Rule built = Request.of(src, dst, proto, sport, dport).toRule();

        assertEquals(rule, built.text());
        assertEquals(rule, built.toString());
        assertEquals(built, Rule.parse(rule));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp host 1.2.3.4 eq 443 host 5.6.7.8 eq 80      | tcp host 1.2.3.4 eq https host 5.6.7.8 eq www
            udp any eq 123 any eq 161                       | udp any eq ntp any eq snmp
            tcp any eq 20 any eq 21                         | tcp any eq ftp-data any eq ftp
            tcp any eq 22 any eq 23                         | tcp any eq ssh any eq telnet
            tcp any eq 25 any eq 179                        | tcp any eq smtp any eq bgp
            udp any eq 67 any eq 68                         | udp any eq bootps any eq bootpc
            tcp any eq 53 any eq 8080                       | tcp any eq 53 any eq 8080
            6 0.0.0.0/0 10.0.0.5/24                         | tcp any 10.0.0.0/24
            ipv6 host 2001:DB8:0:0:0:0:0:1 any              | ipv6 host 2001:db8::1 any
            ipv6 2001:db8:0:0::/64 host ::ffff:1.2.3.4      | ipv6 2001:db8::/64 host ::ffff:102:304
            17 host 1.2.3.4 any                             | udp host 1.2.3.4 any
            47 any any                                      | gre any any
            99 any any                                      | 99 any any
            tcp any any syn                                 | tcp any any syn
            """)
    void canonicalTextIsWhatTheSwitchStores(String written, String stored) {
        assertEquals(stored, Rule.parse(written).canonicalText());
    }
}
