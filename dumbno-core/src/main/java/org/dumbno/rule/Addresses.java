package org.dumbno.rule;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IP addresses and networks as dumbno reads them everywhere, in requests, rules and configuration:
 * strict parsing of IP literals (plain dotted-quad IPv4 and ordinary IPv6 text, nothing a
 * resolver, {@code inet_aton} or a wildcard syntax would read), the networks configuration names,
 * and the address a client really has. Never looks up a name.
 */
public final class Addresses {
    private static final IPAddressStringParameters SINGLE = strict(false);
    private static final IPAddressStringParameters PREFIXED = strict(true);

    private Addresses() {
    }

    private static IPAddressStringParameters strict(boolean prefix) {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowMask(false)
                .allowPrefixOnly(false)
                .allowPrefix(prefix)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE)
                .allow_inet_aton(false)
                .setEmptyAsLoopback(false);
        builder.getIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false)
                .allowBinary(false);
        builder.getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowEmptyZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allow_mixed_inet_aton(false)
                .allowPrefixesBeyondAddressSize(false)
                .allowUnlimitedLeadingZeros(false)
                .getEmbeddedIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowBinary(false);
        return builder.toParams();
    }

    /** An IPv4 or IPv6 literal, with or without a prefix length; empty when the text is not one. */
    public static Optional<IPAddress> parse(String text) {
        String trimmed = text.trim();
        return Optional.ofNullable(isLiteralText(trimmed) ? new IPAddressString(trimmed, PREFIXED).getAddress() : null);
    }

    /** One address literal, without a prefix length; empty when the text is not one. */
    public static Optional<IPAddress> parseHost(String text) {
        return parse(text).filter(address -> !address.isPrefixed() && !address.isMultiple());
    }

    /** A single host address literal, or the refusal naming {@code field}. */
    static IPAddress host(String field, String text) {
        IPAddress quad = dottedQuad(text);
        if (quad != null) {
            return quad;
        }
        IPAddress address = isLiteralText(text) ? new IPAddressString(text, SINGLE).getAddress() : null;
        if (address == null || address.isMultiple()) {
            throw InvalidRequestException.of(field, text, hostProblem(text));
        }
        return address.withoutPrefixLength();
    }

    /** An {@code ADDR/LEN} prefix literal, or the refusal naming {@code field}. */
    static IPAddress prefix(String field, String text) {
        IPAddress address = text.indexOf('/') < 0 || !isLiteralText(text) ? null
                : new IPAddressString(text, PREFIXED).getAddress();
        if (address == null || !address.isPrefixed()) {
            throw InvalidRequestException.of(field, text, "is not an ADDRESS/LENGTH prefix");
        }
        return address;
    }

    /**
     * The common case without the general parser, which costs more than the rest of a request:
     * four decimal octets 0-255 without leading zeros, exactly as the strict parser would accept
     * them. Null for anything else, which then goes the general way (and gets its error there).
     */
    static IPv4Address dottedQuad(String text) {
        long bits = dottedQuadBits(text, 0, text.length());
        return bits < 0 ? null : new IPv4Address((int) bits);
    }

    /**
     * {@link #dottedQuad} of {@code text} from {@code start} to {@code end} as the address's 32
     * bits (unsigned), without building an address; -1 when that part is not a dotted quad.
     */
    static long dottedQuadBits(String text, int start, int end) {
        int length = end - start;
        if (length < 7 || length > 15) {
            return -1;
        }
        long bits = 0;
        int octets = 0;
        int value = 0;
        int digits = 0;
        boolean leadingZero = false;
        for (int i = start; i <= end; i++) {
            char c = i < end ? text.charAt(i) : '.';
            if (c == '.') {
                if (octets == 4 || digits == 0 || leadingZero && digits > 1 || value > 255) {
                    return -1;
                }
                bits = bits << 8 | value;
                octets++;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                if (digits == 0) {
                    leadingZero = c == '0';
                }
                value = value * 10 + (c - '0');
                digits++;
            } else {
                return -1;
            }
        }
        return octets == 4 ? bits : -1;
    }

    /** Only hex digits, dots, colons and a slash: no spaces, zones, wildcards or ranges. */
    private static boolean isLiteralText(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
                || c >= 'A' && c <= 'F' || c == '.' || c == ':' || c == '/');
    }

    private static String hostProblem(String text) {
        if (text.indexOf('/') >= 0) {
            return "must be a single address, not a prefix";
        }
        if (text.indexOf('%') >= 0) {
            return "must be an address without a zone id";
        }
        return "is not an IPv4 or IPv6 address literal";
    }

    /** The family an address belongs to. */
    static Family family(IPAddress address) {
        return address.isIPv6() ? Family.IPV6 : Family.IP;
    }

    /**
     * The text EOS stores: dotted quad, or compressed lower-case IPv6; no prefix length. A plain
     * host address is asked directly, so the text it caches is reused on every later call.
     */
    static String text(IPAddress address) {
        if (!address.isPrefixed() && !address.isMultiple()) {
            return address.toCanonicalString();
        }
        return address.getLower().withoutPrefixLength().toCanonicalString();
    }

    /** Appends the dotted quad of the IPv4 address whose 32 bits are {@code bits}. */
    static StringBuilder appendDottedQuad(StringBuilder out, int bits) {
        return out.append(bits >>> 24).append('.').append((bits >>> 16) & 0xff).append('.')
                .append((bits >>> 8) & 0xff).append('.').append(bits & 0xff);
    }

    /**
     * The network an address or {@code address/length} names, as a prefix block: {@code 10.1.2.3/8}
     * is {@code 10.0.0.0/8} and a plain address a full-length prefix ({@code 127.0.0.1/32}). An
     * IPv4-mapped or IPv4-compatible one is the IPv4 network it spells ({@code ::ffff:10.0.0.0/104}
     * is {@code 10.0.0.0/8}), since clients are unmapped and requests never hold such addresses.
     */
    public static IPAddress block(IPAddress address) {
        IPAddress ipv4 = EmbeddedIPv4.unmapped(Objects.requireNonNull(address, "address"));
        return ipv4.isPrefixed() ? ipv4.toPrefixBlock() : ipv4.toPrefixBlock(ipv4.getBitCount());
    }

    /**
     * What an IPv6 address or prefix that only spells an IPv4 one is ({@code IPv4-mapped} for
     * {@code ::ffff:a.b.c.d}, {@code IPv4-compatible} for {@code ::a.b.c.d}); empty for any other.
     */
    public static Optional<String> embeddedIPv4Kind(IPAddress address) {
        return EmbeddedIPv4.of(address).map(EmbeddedIPv4::kind);
    }

    /** The IPv4 address or prefix {@code address} spells (see {@link #embeddedIPv4Kind}), else {@code address}. */
    public static IPAddress unmapped(IPAddress address) {
        return EmbeddedIPv4.unmapped(address);
    }

    /** {@link #block} of each address, in order. */
    public static List<IPAddress> blocks(List<IPAddress> addresses) {
        return addresses.stream().map(Addresses::block).toList();
    }

    /** Whether {@code block} holds {@code address}, comparing only within one family. */
    public static boolean contains(IPAddress block, IPAddress address) {
        return block.isIPv6() == address.isIPv6() && block.contains(address);
    }

    /**
     * The address a client really has: IPv4 for an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d},
     * as a dual-stack socket reports IPv4 peers), and never an IPv6 zone.
     */
    public static IPAddress client(InetAddress client) {
        byte[] bytes = client.getAddress();
        if (bytes.length == 4) {
            return new IPv4Address(bytes);
        }
        IPv6Address address = new IPv6Address(bytes);
        return address.isIPv4Mapped() ? address.getEmbeddedIPv4Address() : address;
    }

    /** The socket-level address of {@code address}, built from its bytes, which never consults DNS. */
    public static InetAddress inet(IPAddress address) {
        return inet(address.getBytes());
    }

    /** An address from its 4 or 16 bytes, which never consults DNS. */
    public static InetAddress inet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 4 or 16 bytes: " + bytes.length, e);
        }
    }
}
