package org.dumbno.config;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.dumbno.internal.EmbeddedIPv4;

/**
 * IP literals, networks and socket addresses. Text is parsed by the ipaddress library only, so no
 * value in a configuration file ever causes a DNS lookup.
 */
final class Addresses {
    static final InetAddress ANY_IPV4 = inet(new byte[4]);
    static final InetAddress LOOPBACK_IPV4 = inet(new byte[] {127, 0, 0, 1});
    private static final IPAddressStringParameters STRICT = strictParameters();

    private Addresses() {
    }

    private static IPAddressStringParameters strictParameters() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder();
        builder.allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false)
                .allowPrefixOnly(false).allowWildcardedSeparator(false).allow_inet_aton(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        builder.getIPv6AddressParametersBuilder().allowZone(false);
        return builder.toParams();
    }

    /** An IPv4 or IPv6 literal, with or without a prefix length; empty when the text is not one. */
    static Optional<IPAddress> parse(String text) {
        IPAddress address = new IPAddressString(text.trim(), STRICT).getAddress();
        return Optional.ofNullable(address);
    }

    /** One address, no prefix length. */
    static Optional<IPAddress> parseHost(String text) {
        return parse(text).filter(address -> !address.isPrefixed() && !address.isMultiple());
    }

    /**
     * The network an address or {@code address/length} names, as a prefix block; an IPv4-mapped or
     * IPv4-compatible one as the IPv4 network it spells ({@code ::ffff:10.0.0.0/104} is
     * {@code 10.0.0.0/8}), since clients and requests are compared as IPv4.
     */
    static IPAddress block(IPAddress address) {
        IPAddress ipv4 = EmbeddedIPv4.unmapped(address);
        return ipv4.isPrefixed() ? ipv4.toPrefixBlock() : ipv4.toPrefixBlock(ipv4.getBitCount());
    }

    static List<IPAddress> blocks(List<IPAddress> addresses) {
        return addresses.stream().map(Addresses::block).toList();
    }

    static InetAddress inet(IPAddress address) {
        return inet(address.getBytes());
    }

    /** Builds an address from its bytes, which never consults DNS. */
    static InetAddress inet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 4 or 16 bytes: " + bytes.length, e);
        }
    }

    static InetSocketAddress socket(InetAddress address, int port) {
        return new InetSocketAddress(address, port);
    }
}
