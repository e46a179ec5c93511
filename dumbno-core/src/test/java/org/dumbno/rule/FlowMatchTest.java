package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dumbno.testing.Addrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which packets a rule matches, as the simulated switch counts them. */
class FlowMatchTest {

    static final Flow TCP_FLOW = Flow.of(Protocol.TCP, "1.2.3.4", 123, "5.6.7.8", 567, TcpFlag.ACK);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ip any any                                  | true
            ipv6 any any                                | false
            ip host 1.2.3.4 any                         | true
            ip any host 1.2.3.4                         | false
            ip 1.2.0.0/16 5.6.7.0/24                    | true
            ip 1.3.0.0/16 any                           | false
            tcp host 1.2.3.4 eq 123 host 5.6.7.8 eq 567 | true
            tcp host 1.2.3.4 eq 124 host 5.6.7.8 eq 567 | false
            tcp any any eq 567                          | true
            tcp any eq 567 any                          | false
            udp any any eq 567                          | false
            6 any any                                   | true
            icmp any any                                | false
            tcp any any ack                             | true
            tcp any any syn                             | false
            tcp any any fin                             | false
            """)
    void matches(String rule, boolean matches) {
        assertEquals(matches, Rule.parse(rule).matches(TCP_FLOW));
    }

    @Test
    void setupPermitsCatchConnectionEnds() {
        Flow fin = Flow.of(Protocol.TCP, "1.2.3.4", 123, "5.6.7.8", 567, TcpFlag.FIN, TcpFlag.ACK);
        Flow v6Syn = Flow.of(Protocol.TCP, "2001:db8::1", 1, "2001:db8::2", 2, TcpFlag.SYN);

        assertEquals(true, Rule.parse("tcp any any fin").matches(fin));
        assertEquals(false, Rule.parse("tcp any any syn").matches(fin));
        assertEquals(true, Rule.parse(Family.IPV6, "tcp any any syn").matches(v6Syn));
        assertEquals(false, Rule.parse(Family.IP, "tcp any any syn").matches(v6Syn));
        assertEquals(true, Rule.anyTraffic(Family.IPV6).matches(v6Syn));
    }

    @Test
    void portsOfProtocolsWithoutPortsAreIgnored() {
        Flow icmp = Flow.of(Protocol.ICMP, "1.2.3.4", 0, "5.6.7.8", 0);

        assertEquals(true, Rule.parse("icmp host 1.2.3.4 any").matches(icmp));
        assertEquals(true, Rule.parse("ip any host 5.6.7.8").matches(icmp));
        assertEquals(false, Rule.parse("tcp any any").matches(icmp));
    }

    @Test
    void flowsAreValidated() {
        assertThrows(InvalidRequestException.class,
                () -> Flow.of(Protocol.TCP, "1.2.3.4", 1, "2001:db8::1", 2));
        assertThrows(IllegalArgumentException.class, () -> new Flow(Family.IPV6, 6,
                Addrs.ip("1.2.3.4"), 1, Addrs.ip("5.6.7.8"), 2, null));
        assertThrows(IllegalArgumentException.class, () -> new Flow(Family.IP, 6,
                Addrs.ip("1.2.3.4"), 70000, Addrs.ip("5.6.7.8"), 2, null));
    }
}
