package org.dumbno.rule;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * One EOS ACL rule without its action and sequence number:
 * {@code PROTO SRC [eq SPORT] DST [eq DPORT] [FLAGS]}. Equality is structural: two rules are equal
 * exactly when they match the same packets, whatever text they were read from ({@code eq 443} and
 * {@code eq https}, {@code 0.0.0.0/0} and {@code any}, {@code 6} and {@code tcp}).
 *
 * <p>Ports are only allowed with tcp, udp and sctp, flags only with tcp, and addresses must be of
 * the rule's family.
 *
 * <p>A value like a record, but a class: every engine looks rules up in hash maps and writes their
 * text several times per request (once per list, per switch), so the hash code is computed once
 * and both texts when first asked for.
 */
public final class Rule {
    private final Family family;
    private final Protocol protocol;
    private final Endpoint src;
    private final Endpoint dst;
    private final Set<TcpFlag> flags;
    private final int hash;
    /** Built when first asked for; a race builds the same string twice. */
    private String text;
    private String canonicalText;

    public Rule(Family family, Protocol protocol, Endpoint src, Endpoint dst, Set<TcpFlag> flags) {
        if (family == null || protocol == null || src == null || dst == null) {
            throw new InvalidRequestException("a rule needs a family, a protocol and two endpoints");
        }
        flags = flags == null || flags.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        checkFamily(family, "src", src);
        checkFamily(family, "dst", dst);
        checkProtocolFamily(family, protocol);
        checkPorts(family, protocol, src.port(), dst.port());
        if (!flags.isEmpty() && !protocol.equals(Protocol.TCP)) {
            throw InvalidRequestException.of("flags", flags, "need proto tcp, not "
                    + protocol.keyword(family));
        }
        this.family = family;
        this.protocol = protocol;
        this.src = src;
        this.dst = dst;
        this.flags = flags;
        this.hash = Objects.hash(family, protocol, src, dst, flags);
    }

    public Family family() {
        return family;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Endpoint src() {
        return src;
    }

    public Endpoint dst() {
        return dst;
    }

    public Set<TcpFlag> flags() {
        return flags;
    }

    private static void checkFamily(Family family, String field, Endpoint endpoint) {
        if (endpoint.family() != null && endpoint.family() != family) {
            throw InvalidRequestException.of(field, endpoint.addressText(),
                    "is not an address of family " + family.keyword());
        }
    }

    static void checkProtocolFamily(Family family, Protocol protocol) {
        if (family == Family.IPV6 && protocol.equals(Protocol.ICMP)) {
            throw InvalidRequestException.of("proto", "icmp", "is for IPv4; use icmpv6 with IPv6");
        }
        if (family == Family.IP && protocol.equals(Protocol.ICMPV6)) {
            throw InvalidRequestException.of("proto", "icmpv6", "is for IPv6; use icmp with IPv4");
        }
    }

    /** Refuses ports where EOS takes none: only after tcp, udp, and sctp in IPv4. */
    static void checkPorts(Family family, Protocol protocol, int sport, int dport) {
        if (!protocol.hasPorts(family)) {
            checkNoPort("sport", sport, protocol, family);
            checkNoPort("dport", dport, protocol, family);
        }
    }

    static void checkNoPort(String field, int port, Protocol protocol, Family family) {
        if (port != 0 && protocol.hasPorts()) {
            throw InvalidRequestException.of(field, port, "needs proto tcp or udp with IPv6 (EOS has no "
                    + protocol + " keyword there)");
        }
        if (port != 0) {
            throw InvalidRequestException.of(field, port, "needs proto tcp, udp or sctp, not "
                    + protocol.keyword(family));
        }
    }

    /** {@code ip any any} or {@code ipv6 any any}: every packet of the family. */
    public static Rule anyTraffic(Family family) {
        return new Rule(family, Protocol.ANY, Endpoint.any(), Endpoint.any(), Set.of());
    }

    /**
     * Reads rule text as dumbno writes it or as EOS stores it, inferring the family from the
     * protocol keyword ({@code ipv6}, {@code icmpv6}) or the addresses; IPv4 when nothing says.
     *
     * @throws InvalidRequestException naming the first token that does not fit
     */
    public static Rule parse(String eosText) {
        return RuleParser.parse(null, eosText);
    }

    /** Reads rule text found in an access list of {@code family}. */
    public static Rule parse(Family family, String eosText) {
        return RuleParser.parse(family, eosText);
    }

    /**
     * The text dumbno writes: the protocol as the family's lists take it (a number where EOS has no
     * keyword: {@code 50} for ESP), numeric ports, {@code host ADDR}, {@code any}, {@code ADDR/LEN}.
     */
    public String text() {
        String known = text;
        if (known == null) {
            known = format(Integer::toString);
            text = known;
        }
        return known;
    }

    /**
     * The text as EOS stores it: well-known ports by name, protocol names, compressed IPv6. The
     * same string as {@link #text()} unless a port has a name.
     */
    public String canonicalText() {
        String known = canonicalText;
        if (known == null) {
            known = Ports.hasName(src.port()) || Ports.hasName(dst.port()) ? format(Ports::canonical) : text();
            canonicalText = known;
        }
        return known;
    }

    private String format(IntFunction<String> portText) {
        StringBuilder out = new StringBuilder(64).append(protocol.keyword(family));
        appendEndpoint(out, src, portText);
        appendEndpoint(out, dst, portText);
        for (TcpFlag flag : flags) {
            out.append(' ').append(flag.keyword());
        }
        return out.toString();
    }

    private static void appendEndpoint(StringBuilder out, Endpoint endpoint, IntFunction<String> portText) {
        endpoint.appendAddress(out.append(' '));
        if (endpoint.port() != 0) {
            out.append(" eq ").append(portText.apply(endpoint.port()));
        }
    }

    /** Whether a packet of this flow matches the rule. */
    public boolean matches(Flow flow) {
        if (flow.family() != family) {
            return false;
        }
        if (!protocol.isAny() && flow.protocol() != protocol.number()) {
            return false;
        }
        boolean portsApply = protocol.hasPorts();
        return src.matches(flow.src(), portsApply ? flow.sport() : 0)
                && dst.matches(flow.dst(), portsApply ? flow.dport() : 0)
                && flow.flags().containsAll(flags);
    }

    /** Structural: the same family, protocol, endpoints and flags, whatever text either was read from. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Rule that && hash == that.hash && family == that.family
                && protocol.equals(that.protocol) && src.equals(that.src) && dst.equals(that.dst)
                && flags.equals(that.flags);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text();
    }
}
