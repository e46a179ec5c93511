package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            ip, 0
            IPv6, 0
            0, 0
            icmp, 1
            igmp, 2
            TCP, 6
            udp, 17
            gre, 47
            esp, 50
            ahp, 51
            icmpv6, 58
            ospf, 89
            pim, 103
            vrrp, 112
            sctp, 132
            255, 255
            007, 7
            """)
    void namesAndNumbers(String text, int number) {
        assertEquals(new Protocol(number), Protocol.parse(text));
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(textBlock = """
            0, IP, ip
            0, IPV6, ipv6
            6, IP, tcp
            6, IPV6, tcp
            58, IPV6, icmpv6
            47, IP, gre
            4, IP, 4
            200, IPV6, 200
            50, IP, 50
            50, IPV6, 50
            51, IP, ahp
            51, IPV6, 51
            47, IPV6, 47
            2, IPV6, 2
            89, IPV6, ospf
            132, IP, sctp
            132, IPV6, 132
            """)
    void keywords(int number, Family family, String keyword) {
        assertEquals(keyword, new Protocol(number).keyword(family));
    }

    @Test
    void onlyTcpUdpAndSctpHavePorts() {
        assertTrue(Protocol.TCP.hasPorts());
        assertTrue(Protocol.UDP.hasPorts());
        assertTrue(Protocol.SCTP.hasPorts());
        assertFalse(Protocol.ANY.hasPorts());
        assertFalse(Protocol.ICMP.hasPorts());
        assertFalse(Protocol.ICMPV6.hasPorts());
        assertFalse(new Protocol(47).hasPorts());
    }

    @ParameterizedTest(name = "{1} lists refuse {0}")
    @CsvSource(textBlock = """
            esp, IP
            esp, IPV6
            ahp, IPV6
            gre, IPV6
            sctp, IPV6
            icmp, IPV6
            icmpv6, IP
            ipv6, IP
            ip, IPV6
            """)
    void eachFamilyTakesOnlyItsKeywords(String word, Family family) {
        String message = assertThrows(InvalidRequestException.class, () -> Protocol.parse(family, word)).getMessage();
        assertTrue(message.startsWith("proto (" + word + ") is not a protocol of " + family.keyword()), message);
    }

    @Test
    void sctpPortsOnlyWhereTheFamilyHasTheKeyword() {
        assertTrue(Protocol.SCTP.hasPorts(Family.IP));
        assertFalse(Protocol.SCTP.hasPorts(Family.IPV6));
        assertTrue(Protocol.TCP.hasPorts(Family.IPV6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tcp ", "-1", "256", "1000", "0x06", "6.0", "t cp", "ip;"})
    void refusals(String text) {
        String message = assertThrows(InvalidRequestException.class, () -> Protocol.parse(text)).getMessage();
        assertTrue(message.startsWith("proto (" + text + ")"), message);
    }

    @Test
    void numberOutOfRangeIsRefused() {
        assertEquals("proto (256) must be 0-255",
                assertThrows(InvalidRequestException.class, () -> new Protocol(256)).getMessage());
        assertThrows(InvalidRequestException.class, () -> new Protocol(-1));
    }
}
