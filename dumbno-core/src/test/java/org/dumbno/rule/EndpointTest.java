package org.dumbno.rule;

import static org.dumbno.testing.Addrs.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @Test
    void prefixIsNormalizedToItsNetwork() {
        assertEquals(new Endpoint(ip("10.0.0.0/24"), 0), new Endpoint(ip("10.0.0.5/24"), 0));
        assertEquals("10.0.0.0/24", new Endpoint(ip("10.0.0.5/24"), 0).addressText());
        assertEquals("2001:db8::/32", new Endpoint(ip("2001:db8:1:2::9/32"), 0).addressText());
    }

    @Test
    void fullLengthPrefixIsTheHost() {
        Endpoint slash32 = new Endpoint(ip("1.2.3.4/32"), 80);

        assertEquals(Endpoint.host(ip("1.2.3.4"), 80), slash32);
        assertTrue(slash32.isHost());
        assertEquals("host 1.2.3.4", slash32.addressText());
        assertEquals(Endpoint.host(ip("2001:db8::1")), new Endpoint(ip("2001:db8::1/128"), 0));
    }

    @Test
    void zeroLengthPrefixIsAny() {
        assertNull(new Endpoint(ip("0.0.0.0/0"), 0).prefix());
        assertEquals(Endpoint.any(), new Endpoint(ip("::/0"), 0));
        assertTrue(Endpoint.any().isAnyAddress());
        assertEquals("any", Endpoint.any().addressText());
    }

    @Test
    void portsAndHelpers() {
        assertEquals(Endpoint.anyAddress(53), Endpoint.any().withPort(53));
        assertEquals("any eq 53", Endpoint.anyAddress(53).toString());
        assertNotEquals(Endpoint.anyAddress(53), Endpoint.any());
        assertEquals("port (65536) must be 1-65535",
                assertThrows(InvalidRequestException.class, () -> Endpoint.anyAddress(65536)).getMessage());
        assertThrows(InvalidRequestException.class, () -> Endpoint.anyAddress(-1));
    }

    @Test
    void rangesAreRefused() {
        assertThrows(InvalidRequestException.class, () -> new Endpoint(ip("1.2.3.4-7"), 0));
    }

    @Test
    void matchesAddressesInThePrefixOnly() {
        Endpoint net = new Endpoint(ip("10.0.0.0/24"), 0);

        assertTrue(net.matches(ip("10.0.0.200"), 1));
        assertFalse(net.matches(ip("10.0.1.1"), 1));
        assertFalse(net.matches(ip("::ffff:10.0.0.1"), 1));
        assertTrue(Endpoint.anyAddress(22).matches(ip("2001:db8::1"), 22));
        assertFalse(Endpoint.anyAddress(22).matches(ip("2001:db8::1"), 23));
    }

    @ParameterizedTest
    @CsvSource({
        "128.0.0.0/1, 255.255.255.255, true", "128.0.0.0/1, 127.255.255.255, false",
        "0.0.0.0/1, 127.255.255.255, true", "0.0.0.0/1, 128.0.0.0, false",
        "192.168.7.6/31, 192.168.7.7, true", "192.168.7.6/31, 192.168.7.8, false",
        "203.0.113.9/32, 203.0.113.9, true", "203.0.113.9/32, 203.0.113.8, false",
        "255.255.255.0/24, 255.255.255.255, true", "255.255.255.0/24, 255.255.254.255, false"})
    void matchesAnIpv4PrefixBitForBit(String prefix, String address, boolean inside) {
        assertEquals(inside, new Endpoint(ip(prefix), 0).matches(ip(address), 0));
        assertEquals(inside, ip(prefix).toPrefixBlock().contains(ip(address)), "the same answer as the address library");
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3/8, 10.0.0.0/8", "128.0.0.1/1, 128.0.0.0/1", "192.0.2.77, 192.0.2.77",
        "255.255.255.254/31, 255.255.255.254/31", "2001:db8::9/64, 2001:db8::/64", "2001:db8::9, 2001:db8::9"})
    void givesItsPrefixBackAsTheNetworkItWasGiven(String given, String network) {
        Endpoint endpoint = new Endpoint(ip(given), 0);

        assertEquals(ip(network).isPrefixed() ? ip(network).toPrefixBlock() : ip(network), endpoint.prefix());
        assertEquals(endpoint, new Endpoint(endpoint.prefix(), 0));
        assertEquals(endpoint.hashCode(), new Endpoint(endpoint.prefix(), 0).hashCode());
        assertEquals(endpoint.addressText(), new Endpoint(endpoint.prefix(), 0).addressText());
    }

    @Test
    void anIpv4AndAnIpv6EndpointDiffer() {
        assertNotEquals(new Endpoint(ip("0.0.0.1"), 0), new Endpoint(ip("::1"), 0));
        assertNotEquals(Endpoint.host(ip("10.0.0.1"), 80), Endpoint.host(ip("10.0.0.1"), 81));
        assertNotEquals(new Endpoint(ip("10.0.0.0/8"), 0), new Endpoint(ip("10.0.0.0/9"), 0));
    }
}
