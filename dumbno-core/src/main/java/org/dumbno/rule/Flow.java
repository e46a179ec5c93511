package org.dumbno.rule;

import inet.ipaddr.IPAddress;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The header of one packet, as far as rules look at it: family, protocol number, addresses, ports
 * (0 when the protocol has none) and the TCP flags set.
 */
public record Flow(Family family, int protocol, IPAddress src, int sport, IPAddress dst, int dport,
        Set<TcpFlag> flags) {

    public Flow {
        if (family == null || src == null || dst == null) {
            throw new IllegalArgumentException("a flow needs a family and two addresses");
        }
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol " + protocol + " is not 0-255");
        }
        if (sport < 0 || sport > 65535 || dport < 0 || dport > 65535) {
            throw new IllegalArgumentException("ports " + sport + ", " + dport + " are not 0-65535");
        }
        src = src.withoutPrefixLength();
        dst = dst.withoutPrefixLength();
        if (src.isMultiple() || dst.isMultiple()
                || Addresses.family(src) != family || Addresses.family(dst) != family) {
            throw new IllegalArgumentException("flow addresses " + src + ", " + dst
                    + " are not single " + family.keyword() + " addresses");
        }
        flags = flags == null || flags.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /**
     * A flow from address literals; the family follows the addresses.
     *
     * @throws InvalidRequestException an address is not a literal, or the families differ
     */
    public static Flow of(Protocol protocol, String src, int sport, String dst, int dport, TcpFlag... flags) {
        IPAddress source = Addresses.host("src", src);
        IPAddress destination = Addresses.host("dst", dst);
        if (source.isIPv6() != destination.isIPv6()) {
            throw InvalidRequestException.of("dst", dst, "is not of the family of src (" + src + ")");
        }
        Set<TcpFlag> set = EnumSet.noneOf(TcpFlag.class);
        Collections.addAll(set, flags);
        return new Flow(Addresses.family(source), protocol.number(), source, sport, destination, dport, set);
    }
}
