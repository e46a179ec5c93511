package org.dumbno.eos.sim;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dumbno.rule.Endpoint;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Rule;

/** Makes up flows for {@link TrafficGenerator}: random ones, and ones a given rule matches. */
final class FlowMaker {
    static final int EPHEMERAL_LOW = 32_768;
    static final int EPHEMERAL_HIGH = 60_999;

    private final RandomGenerator random;

    FlowMaker(RandomGenerator random) {
        this.random = random;
    }

    /**
     * A packet header {@code rule} matches: its addresses as given ({@code any} becomes a random
     * address of the family, a prefix its first address), its ports as given or random ephemeral
     * ones, tcp when the rule is for any protocol, no TCP flags.
     */
    Flow matching(Rule rule) {
        Protocol protocol = rule.protocol().isAny() ? Protocol.TCP : rule.protocol();
        boolean ports = protocol.hasPorts();
        return new Flow(rule.family(), protocol.number(),
                address(rule.family(), rule.src()), ports ? port(rule.src()) : 0,
                address(rule.family(), rule.dst()), ports ? port(rule.dst()) : 0,
                Set.of());
    }

    /** A UDP flow between random addresses and ephemeral ports. */
    Flow background(Family family) {
        return new Flow(family, Protocol.UDP.number(), randomAddress(family), ephemeral(),
                randomAddress(family), ephemeral(), Set.of());
    }

    /** One element of a non-empty list. */
    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A number from {@code low} to {@code high}, both included. */
    long between(long low, long high) {
        return low + random.nextLong(high - low + 1);
    }

    private IPAddress address(Family family, Endpoint endpoint) {
        if (endpoint.isAnyAddress()) {
            return randomAddress(family);
        }
        return endpoint.prefix().getLower().withoutPrefixLength();
    }

    private int port(Endpoint endpoint) {
        return endpoint.port() != 0 ? endpoint.port() : ephemeral();
    }

    private int ephemeral() {
        return (int) between(EPHEMERAL_LOW, EPHEMERAL_HIGH);
    }

    private IPAddress randomAddress(Family family) {
        byte[] bytes = new byte[family == Family.IP ? 4 : 16];
        random.nextBytes(bytes);
        return family == Family.IP ? new IPv4Address(bytes) : new IPv6Address(bytes);
    }
}
