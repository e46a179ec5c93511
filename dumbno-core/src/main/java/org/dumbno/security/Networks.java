package org.dumbno.security;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.dumbno.internal.EmbeddedIPv4;

/** Address conversions shared by the checks: prefixes from configuration, clients from sockets. */
final class Networks {

    private Networks() {
    }

    /**
     * The configured prefixes as prefix blocks: {@code 10.1.2.3/8} becomes {@code 10.0.0.0/8} and a
     * plain address becomes a full-length prefix ({@code 127.0.0.1/32}). An IPv4-mapped or
     * IPv4-compatible prefix becomes the IPv4 one it spells ({@code ::ffff:127.0.0.1} is
     * {@code 127.0.0.1/32}), as clients are unmapped and requests never hold such addresses.
     */
    static List<IPAddress> blocks(List<IPAddress> prefixes) {
        return prefixes.stream().map(Networks::block).toList();
    }

    private static IPAddress block(IPAddress configured) {
        IPAddress prefix = EmbeddedIPv4.unmapped(Objects.requireNonNull(configured, "prefix"));
        Integer length = prefix.getNetworkPrefixLength();
        return prefix.toPrefixBlock(length == null ? prefix.getBitCount() : length);
    }

    /**
     * The address a client really has: IPv4 for an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d},
     * as a dual-stack socket reports IPv4 peers), and never an IPv6 zone.
     */
    static IPAddress client(InetAddress client) {
        byte[] bytes = client.getAddress();
        if (bytes.length == 4) {
            return new IPv4Address(bytes);
        }
        IPv6Address address = new IPv6Address(bytes);
        return address.isIPv4Mapped() ? address.getEmbeddedIPv4Address() : address;
    }

    /** Whether {@code block} holds {@code address}, comparing only within one family. */
    static boolean contains(IPAddress block, IPAddress address) {
        return block.isIPv6() == address.isIPv6() && block.contains(address);
    }

    /** The text a message shows for a configured block: {@code 192.0.2.53/32}, {@code 2001:db8::/64}. */
    static String text(IPAddress block) {
        return block.toCanonicalString();
    }
}
