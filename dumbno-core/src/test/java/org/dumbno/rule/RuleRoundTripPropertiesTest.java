package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over generated rules: every valid rule reads back from the text dumbno writes and from
 * the text EOS stores. Generation is seeded, so a failure names a case that reproduces.
 */
class RuleRoundTripPropertiesTest {
    private static final int TRIES = 2000;
    private static final int[] NAMED_PORTS = {20, 21, 22, 23, 25, 53, 67, 68, 80, 123, 161, 179, 443};

    static Stream<Rule> rules() {
        return IntStream.range(0, TRIES).mapToObj(RuleRoundTripPropertiesTest::ruleFromSeed);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void textParsesBackToTheSameRule(Rule rule) {
        assertEquals(rule, Rule.parse(rule.family(), rule.text()));
        if (textShowsFamily(rule)) {
            assertEquals(rule, Rule.parse(rule.text()));
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void canonicalTextParsesBackToTheSameRule(Rule rule) {
        Rule parsed = Rule.parse(rule.family(), rule.canonicalText());
        assertEquals(rule, parsed);
        assertEquals(rule.canonicalText(), parsed.canonicalText());
        if (textShowsFamily(rule)) {
            assertEquals(rule, Rule.parse(rule.canonicalText()));
        }
    }

    static Stream<Request> requests() {
        return IntStream.range(0, 500).mapToObj(seed -> {
            Random random = new Random(seed);
            return new Request(ipv4Host(random), ipv4Host(random), Protocol.TCP, port(random), port(random));
        });
    }

    @ParameterizedTest
    @MethodSource("requests")
    void requestsBecomeRulesThatMatchTheirOwnFlow(Request request) {
        Flow flow = new Flow(Family.IP, 6, request.src(), request.sport(), request.dst(), request.dport(),
                Set.of(TcpFlag.ACK));

        assertTrue(request.toRule().matches(flow));
        assertEquals(request, Request.parse(request.toJson().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether the text alone tells the family: always for IPv4 (the default); for IPv6 through an
     * address or the ipv6/icmpv6 keyword. {@code tcp any any} in an IPv6 list needs the list's family.
     */
    private static boolean textShowsFamily(Rule rule) {
        return rule.family() == Family.IP || rule.src().prefix() != null || rule.dst().prefix() != null
                || rule.protocol().isAny() || rule.protocol().equals(Protocol.ICMPV6);
    }

    private static Rule ruleFromSeed(int seed) {
        Random random = new Random(seed);
        Family family = random.nextBoolean() ? Family.IP : Family.IPV6;
        Protocol protocol = protocol(random, family);
        return new Rule(family, protocol, endpoint(random, family, protocol), endpoint(random, family, protocol),
                flags(random, protocol));
    }

    private static Protocol protocol(Random random, Family family) {
        if (random.nextBoolean()) {
            Protocol[] common = {Protocol.ANY, Protocol.TCP, Protocol.UDP, Protocol.SCTP,
                family == Family.IP ? Protocol.ICMP : Protocol.ICMPV6};
            return common[random.nextInt(common.length)];
        }
        int wrongIcmp = family == Family.IP ? 58 : 1;
        int number;
        do {
            number = random.nextInt(256);
        } while (number == wrongIcmp);
        return new Protocol(number);
    }

    private static Endpoint endpoint(Random random, Family family, Protocol protocol) {
        int port = 0;
        if (protocol.hasPorts()) {
            switch (random.nextInt(3)) {
                case 0 -> port = 0;
                case 1 -> port = NAMED_PORTS[random.nextInt(NAMED_PORTS.length)];
                default -> port = port(random);
            }
        }
        IPAddress address = family == Family.IP ? ipv4Host(random) : ipv6Host(random);
        IPAddress prefix = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> address;
            default -> address.setPrefixLength(random.nextInt(address.getBitCount() + 1));
        };
        return new Endpoint(prefix, port);
    }

    private static Set<TcpFlag> flags(Random random, Protocol protocol) {
        if (!protocol.equals(Protocol.TCP)) {
            return Set.of();
        }
        EnumSet<TcpFlag> flags = EnumSet.noneOf(TcpFlag.class);
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            flags.add(TcpFlag.values()[random.nextInt(TcpFlag.values().length)]);
        }
        return flags.isEmpty() ? Set.of() : flags;
    }

    private static int port(Random random) {
        return 1 + random.nextInt(65535);
    }

    private static IPAddress ipv4Host(Random random) {
        return new IPv4Address(1 + random.nextInt(Integer.MAX_VALUE));
    }

    private static IPAddress ipv6Host(Random random) {
        BigInteger value;
        do {
            value = new BigInteger(128, random);
        } while (value.signum() == 0);
        return new IPv6Address(value);
    }
}
