package org.dumbno.security;

import static org.dumbno.testing.Addrs.ip;
import static org.dumbno.testing.Addrs.ips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dumbno.rule.Endpoint;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Protected networks are never shunted, whichever side names them, and {@code any} covers them. */
class NeverShuntTest {
    private final NeverShunt neverShunt = new NeverShunt(ips("192.0.2.53/32", "2001:db8::/64"));

    private static Request request(String src, String dst, String proto, int sport, int dport) {
        return Request.of(src, dst, proto, sport, dport);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.53 | 10.0.0.1    | src 192.0.2.53 is in never_shunt 192.0.2.53/32",
        "10.0.0.1   | 192.0.2.53  | dst 192.0.2.53 is in never_shunt 192.0.2.53/32",
        "2001:db8::1 | 2001:db8:1::1 | src 2001:db8::1 is in never_shunt 2001:db8::/64",
        "2001:db8:1::1 | 2001:db8::ffff:1 | dst 2001:db8::ffff:1 is in never_shunt 2001:db8::/64",
        "192.0.2.53 | 192.0.2.53  | src 192.0.2.53 is in never_shunt 192.0.2.53/32",
    })
    void aProtectedAddressOnEitherSideIsRefused(String src, String dst, String reason) {
        assertEquals(Optional.of(reason), neverShunt.check(request(src, dst, "tcp", 0, 443)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1      | 10.0.0.2",
        "192.0.2.52    | 192.0.2.54",
        "2001:db8:0:1::1 | 2001:db9::1",
        "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff | 2001:db8:1::",
    })
    void addressesOutsideEveryProtectedNetworkPass(String src, String dst) {
        assertEquals(Optional.empty(), neverShunt.check(request(src, dst, "udp", 53, 0)));
    }

    @Test
    void anIpv4MappedOrCompatibleNetworkProtectsItsIpv4Hosts() {
        NeverShunt spelledAsIpv6 = new NeverShunt(ips("::ffff:192.0.2.53", "::198.51.100.0/120"));

        assertEquals(Optional.of("dst 192.0.2.53 is in never_shunt 192.0.2.53/32"),
                spelledAsIpv6.check(request("10.0.0.1", "192.0.2.53", "tcp", 0, 443)));
        assertEquals(Optional.of("src 198.51.100.7 is in never_shunt 198.51.100.0/24"),
                spelledAsIpv6.check(request("198.51.100.7", "10.0.0.1", "tcp", 0, 443)));
        assertEquals(Optional.of("src any would cover never_shunt 192.0.2.53/32"),
                spelledAsIpv6.check(request(null, "10.0.0.1", "tcp", 0, 443)));
        assertEquals(Optional.empty(), spelledAsIpv6.check(request(null, "2001:db8::1", "tcp", 0, 443)));
    }

    @Test
    void anAnySrcWouldCoverTheProtectedNetworkOfItsFamily() {
        assertEquals(Optional.of("src any would cover never_shunt 192.0.2.53/32"),
                neverShunt.check(request(null, "10.0.0.1", "tcp", 0, 80)));
        assertEquals(Optional.of("src any would cover never_shunt 2001:db8::/64"),
                neverShunt.check(request(null, "2001:db8:5::1", "tcp", 0, 80)));
    }

    @Test
    void anAnyDstWouldCoverTheProtectedNetworkOfItsFamily() {
        assertEquals(Optional.of("dst any would cover never_shunt 192.0.2.53/32"),
                neverShunt.check(request("10.0.0.1", null, "ip", 0, 0)));
        assertEquals(Optional.of("dst any would cover never_shunt 2001:db8::/64"),
                neverShunt.check(request("2001:db8:5::1", null, "udp", 5000, 0)));
    }

    @Test
    void portOnlyRequestsCoverEveryAddress() {
        assertEquals(Optional.of("src any would cover never_shunt 192.0.2.53/32"),
                neverShunt.check(request(null, null, "tcp", 0, 22)));
    }

    @Test
    void anySideIsFineWhenOnlyTheOtherFamilyIsProtected() {
        NeverShunt ipv6Only = new NeverShunt(ips("2001:db8::/64"));
        NeverShunt ipv4Only = new NeverShunt(ips("192.0.2.0/24"));

        assertEquals(Optional.empty(), ipv6Only.check(request(null, "10.0.0.1", "tcp", 0, 80)));
        assertEquals(Optional.empty(), ipv4Only.check(request("2001:db8::1", null, "tcp", 0, 80)));
        assertEquals(Optional.of("dst any would cover never_shunt 2001:db8::/64"),
                ipv6Only.check(request("2001:db9::1", null, "tcp", 0, 80)));
    }

    @Test
    void withNoProtectedNetworksEverythingPasses() {
        NeverShunt none = new NeverShunt(List.of());

        assertEquals(Optional.empty(), none.check(request(null, null, "tcp", 0, 22)));
        assertEquals(Optional.empty(), none.check(request("192.0.2.53", null, "ip", 0, 0)));
    }

    @Test
    void theTwoTupleRewriteKeepsTheAddressesTheCheckRead() {
        Request request = request("10.0.0.1", "192.0.2.53", "tcp", 40000, 443);
        Rule rewritten = request.toRule(Set.of(ip("10.0.0.1")));

        assertEquals(Endpoint.host(request.src()), rewritten.src());
        assertEquals(Endpoint.host(request.dst()), rewritten.dst());
        assertEquals(Optional.of("dst 192.0.2.53 is in never_shunt 192.0.2.53/32"),
                neverShunt.check(request));
    }

    @Test
    void aTwoTupleRequestOutsideTheProtectedNetworksStillPasses() {
        Request request = request("10.0.0.1", "10.0.0.2", "tcp", 40000, 443);

        assertTrue(request.toRule(Set.of(ip("10.0.0.1"))).src().isHost());
        assertEquals(Optional.empty(), neverShunt.check(request));
    }
}
