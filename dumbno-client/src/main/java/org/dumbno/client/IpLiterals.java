package org.dumbno.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP literals read strictly and never looked up: dotted-quad IPv4 without leading zeros, and IPv6
 * text without a zone. Written back as dumbno writes them: dotted quad, or RFC 5952 IPv6 (lower
 * case, the longest run of two or more zero groups compressed).
 */
final class IpLiterals {
    private static final int IPV6_GROUPS = 8;

    private IpLiterals() {
    }

    /** The address {@code text} spells, or null when it is not such a literal. */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            byte[] octets = dottedQuad(text);
            return octets == null ? null : address(octets);
        }
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            // Text with a colon is only ever read as an IPv6 literal: no resolver is asked.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@code text} is IPv6 text that the JVM reads as the IPv4 address it maps. */
    static boolean isMappedIPv4(String text, InetAddress address) {
        return text.indexOf(':') >= 0 && address instanceof Inet4Address;
    }

    /** Whether {@code address} is IPv4-compatible IPv6 ({@code ::a.b.c.d}), other than {@code ::/104}. */
    static boolean isCompatibleIPv4(InetAddress address) {
        return address instanceof Inet6Address ipv6 && ipv6.isIPv4CompatibleAddress()
                && ipv6.getAddress()[12] != 0;
    }

    private static byte[] dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            octets[i] = (byte) value;
        }
        return octets;
    }

    private static InetAddress address(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four octets are always an address", e);
        }
    }

    /** Dotted quad for IPv4; RFC 5952 text for IPv6. */
    static String text(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < IPV6_GROUPS; i++) {
            int length = 0;
            while (i + length < IPV6_GROUPS && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
