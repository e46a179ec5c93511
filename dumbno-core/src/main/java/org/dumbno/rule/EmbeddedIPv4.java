package org.dumbno.rule;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv6 address or prefix that only spells an IPv4 one: IPv4-mapped ({@code ::ffff:a.b.c.d}) or
 * IPv4-compatible ({@code ::a.b.c.d}). Checks that compare addresses within one family would miss
 * such a spelling of a protected or allowed IPv4 host, so requests refuse it and configuration
 * turns it into the IPv4 address.
 *
 * <p>{@code ::} and {@code ::1} (and the rest of {@code ::0.0.0.0/104}) are not IPv4-compatible
 * here: they are IPv6's own unspecified and loopback addresses. A prefix counts only when it is
 * long enough to lie wholly inside the IPv4 space: at least {@code /96} when mapped, {@code /104}
 * when compatible.
 *
 * @param kind  {@code IPv4-mapped} or {@code IPv4-compatible}
 * @param ipv4  the IPv4 address, or prefix of the length less 96, it stands for
 */
record EmbeddedIPv4(String kind, IPAddress ipv4) {
    /** The {@link #kind} of {@code ::ffff:a.b.c.d}. */
    static final String MAPPED = "IPv4-mapped";
    /** The {@link #kind} of {@code ::a.b.c.d}. */
    static final String COMPATIBLE = "IPv4-compatible";

    private static final int MAPPED_BITS = 96;
    private static final int COMPATIBLE_BITS = 104;

    /** Validates both parts. */
    EmbeddedIPv4 {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ipv4, "ipv4");
        if (!ipv4.isIPv4()) {
            throw new IllegalArgumentException("not IPv4: " + ipv4);
        }
    }

    /** The IPv4 address or prefix {@code address} spells, or empty when it is not such a spelling. */
    static Optional<EmbeddedIPv4> of(IPAddress address) {
        if (address == null || !address.isIPv6()) {
            return Optional.empty();
        }
        IPv6Address ipv6 = address.toIPv6();
        Integer prefix = ipv6.getNetworkPrefixLength();
        int bits = prefix == null ? IPv6Address.BIT_COUNT : prefix;
        if (ipv6.isIPv4Mapped() && bits >= MAPPED_BITS) {
            return Optional.of(new EmbeddedIPv4(MAPPED, ipv6.getEmbeddedIPv4Address()));
        }
        if (ipv6.isIPv4Compatible() && bits >= COMPATIBLE_BITS) {
            IPv4Address ipv4 = ipv6.getEmbeddedIPv4Address();
            if (ipv4.getLower().getSegment(0).getSegmentValue() != 0) {
                return Optional.of(new EmbeddedIPv4(COMPATIBLE, ipv4));
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address or prefix {@code address} spells, else {@code address} itself. */
    static IPAddress unmapped(IPAddress address) {
        return of(address).map(EmbeddedIPv4::ipv4).orElse(address);
    }
}
