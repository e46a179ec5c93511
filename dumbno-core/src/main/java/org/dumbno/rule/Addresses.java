package org.dumbno.rule;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * Strict parsing of IP literals: plain dotted-quad IPv4 and ordinary IPv6 text, nothing a resolver,
 * {@code inet_aton} or a wildcard syntax would read. Never looks up a name.
 */
final class Addresses {
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

    /** A single host address literal, or the refusal naming {@code field}. */
    static IPAddress host(String field, String text) {
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

    /** The text EOS stores: dotted quad, or compressed lower-case IPv6; no prefix length. */
    static String text(IPAddress address) {
        return address.getLower().withoutPrefixLength().toCanonicalString();
    }
}
