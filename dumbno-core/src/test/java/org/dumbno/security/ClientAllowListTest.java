package org.dumbno.security;

import static org.dumbno.testing.Addrs.inet;
import static org.dumbno.testing.Addrs.ips;
import static org.dumbno.testing.Addrs.mapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which clients may ask for shunts. */
class ClientAllowListTest {
    private final ClientAllowList list = new ClientAllowList(
            ips("10.0.0.0/8", "127.0.0.1", "192.0.2.128/25", "2001:db8:1::/48", "::1"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "127.0.0.1", "192.0.2.128", "192.0.2.255",
        "2001:db8:1::5", "2001:db8:1:ffff:ffff:ffff:ffff:ffff", "::1"})
    void clientsInsideAListedNetworkAreAllowed(String client) {
        assertTrue(list.allows(inet(client)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"11.0.0.1", "9.255.255.255", "127.0.0.2", "192.0.2.127",
        "2001:db8:2::1", "2001:db8::1", "::2", "fe80::1"})
    void clientsOutsideEveryListedNetworkAreRefused(String client) {
        assertFalse(list.allows(inet(client)));
    }

    @Test
    void anIpv4MappedClientCountsAsItsIpv4Address() {
        assertInstanceOf(Inet6Address.class, mapped("10.1.2.3"));
        assertTrue(list.allows(mapped("10.1.2.3")));
        assertFalse(list.allows(mapped("11.1.2.3")));
    }

    @Test
    void anIpv4MappedNetworkAdmitsItsIpv4ClientsHoweverTheSocketReportsThem() {
        ClientAllowList mappedList = new ClientAllowList(ips("::ffff:127.0.0.1", "::ffff:10.0.0.0/104"));

        assertTrue(mappedList.allows(inet("127.0.0.1")));
        assertTrue(mappedList.allows(mapped("127.0.0.1")));
        assertTrue(mappedList.allows(inet("10.9.8.7")));
        assertFalse(mappedList.allows(inet("127.0.0.2")));
        assertEquals("[127.0.0.1/32, 10.0.0.0/8]", mappedList.toString());
    }

    @Test
    void anIpv4NetworkDoesNotAdmitTheIpv6AddressWithTheSameLowBits() {
        ClientAllowList ipv4Only = new ClientAllowList(ips("0.0.0.0/0"));

        assertTrue(ipv4Only.allows(inet("203.0.113.9")));
        assertFalse(ipv4Only.allows(inet("::a00:1")));
        assertFalse(ipv4Only.allows(inet("2001:db8::1")));
    }

    @Test
    void anEmptyListAllowsAnyone() {
        ClientAllowList anyone = new ClientAllowList(List.of());

        assertTrue(anyone.allowsAnyone());
        assertTrue(anyone.allows(inet("203.0.113.9")));
        assertTrue(anyone.allows(inet("2001:db8::9")));
        assertEquals("anyone", anyone.toString());
    }

    @Test
    void hostBitsOfAConfiguredPrefixAreIgnored() {
        ClientAllowList sloppy = new ClientAllowList(ips("10.1.2.3/16"));

        assertTrue(sloppy.allows(inet("10.1.200.200")));
        assertEquals("[10.1.0.0/16]", sloppy.toString());
    }
}
