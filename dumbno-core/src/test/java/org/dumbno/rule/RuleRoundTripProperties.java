package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every valid rule reads back from the text dumbno writes and from the text EOS stores. */
class RuleRoundTripProperties {

    @Property(tries = 2000)
    void textParsesBackToTheSameRule(@ForAll("rules") Rule rule) {
        assertEquals(rule, Rule.parse(rule.family(), rule.text()));
        if (textShowsFamily(rule)) {
            assertEquals(rule, Rule.parse(rule.text()));
        }
    }

    @Property(tries = 2000)
    void canonicalTextParsesBackToTheSameRule(@ForAll("rules") Rule rule) {
        assertEquals(rule, Rule.parse(rule.family(), rule.canonicalText()));
        assertEquals(rule.canonicalText(), Rule.parse(rule.family(), rule.canonicalText()).canonicalText());
        if (textShowsFamily(rule)) {
            assertEquals(rule, Rule.parse(rule.canonicalText()));
        }
    }

    /**
     * Whether the text alone tells the family: always for IPv4 (the default); for IPv6 through an
     * address or the ipv6/icmpv6 keyword. {@code tcp any any} in an IPv6 list needs the list's family.
     */
    private static boolean textShowsFamily(Rule rule) {
        return rule.family() == Family.IP || rule.src().prefix() != null || rule.dst().prefix() != null
                || rule.protocol().isAny() || rule.protocol().equals(Protocol.ICMPV6);
    }

    @Property(tries = 500)
    void requestsBecomeRulesThatMatchTheirOwnFlow(@ForAll("ipv4Hosts") IPAddress src,
            @ForAll("ipv4Hosts") IPAddress dst, @ForAll("realPorts") int sport, @ForAll("realPorts") int dport) {
        Request request = new Request(src, dst, Protocol.TCP, sport, dport);
        Flow flow = new Flow(Family.IP, 6, src, sport, dst, dport, Set.of(TcpFlag.ACK));

        assertEquals(true, request.toRule().matches(flow));
        assertEquals(request, Request.parse(request.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<Rule> rules() {
        return Arbitraries.of(Family.class).flatMap(this::rulesOf);
    }

    private Arbitrary<Rule> rulesOf(Family family) {
        Arbitrary<Protocol> protocols = Arbitraries.oneOf(
                Arbitraries.of(Protocol.ANY, Protocol.TCP, Protocol.UDP, Protocol.SCTP,
                        family == Family.IP ? Protocol.ICMP : Protocol.ICMPV6),
                Arbitraries.integers().between(0, 255)
                        .filter(n -> n != (family == Family.IP ? 58 : 1))
                        .map(Protocol::new));
        return protocols.flatMap(protocol -> Combinators.combine(
                endpoints(family, protocol), endpoints(family, protocol), flags(protocol))
                .as((src, dst, flags) -> new Rule(family, protocol, src, dst, flags)));
    }

    private Arbitrary<Endpoint> endpoints(Family family, Protocol protocol) {
        Arbitrary<Integer> ports = protocol.hasPorts() ? Arbitraries.oneOf(
                Arbitraries.just(0), Arbitraries.of(20, 21, 22, 23, 25, 53, 67, 68, 80, 123, 161, 179, 443),
                realPorts()) : Arbitraries.just(0);
        int bits = family == Family.IP ? 32 : 128;
        Arbitrary<IPAddress> addresses = family == Family.IP ? ipv4Hosts() : ipv6Hosts();
        Arbitrary<IPAddress> prefixes = Arbitraries.oneOf(Arbitraries.just((IPAddress) null), addresses,
                Combinators.combine(addresses, Arbitraries.integers().between(0, bits))
                        .as(IPAddress::setPrefixLength));
        return Combinators.combine(prefixes, ports).as(Endpoint::new);
    }

    private Arbitrary<Set<TcpFlag>> flags(Protocol protocol) {
        if (!protocol.equals(Protocol.TCP)) {
            return Arbitraries.just(Set.of());
        }
        return Arbitraries.of(TcpFlag.class).set().ofMaxSize(3)
                .map(set -> set.isEmpty() ? Set.of() : EnumSet.copyOf(set));
    }

    @Provide
    Arbitrary<Integer> realPorts() {
        return Arbitraries.integers().between(1, 65535);
    }

    @Provide
    Arbitrary<IPAddress> ipv4Hosts() {
        return Arbitraries.integers().between(1, Integer.MAX_VALUE).map(IPv4Address::new);
    }

    private Arbitrary<IPAddress> ipv6Hosts() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE))
                .map(value -> (IPAddress) new IPv6Address(value));
    }
}
