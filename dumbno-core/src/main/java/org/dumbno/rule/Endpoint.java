package org.dumbno.rule;

import inet.ipaddr.IPAddress;

/**
 * One side of a rule: an address prefix (null for any) and a port (0 for any). The prefix is
 * normalized to its network, so {@code 10.0.0.5/24} equals {@code 10.0.0.0/24}, a full-length
 * prefix equals the host and {@code /0} equals any.
 */
public record Endpoint(IPAddress prefix, int port) {
    private static final Endpoint ANY = new Endpoint(null, 0);

    public Endpoint {
        if (port < 0 || port > 65535) {
            throw InvalidRequestException.of("port", port, "must be 1-65535");
        }
        prefix = normalize(prefix);
    }

    private static IPAddress normalize(IPAddress prefix) {
        if (prefix == null) {
            return null;
        }
        Integer length = prefix.getNetworkPrefixLength();
        if (length == null || length == prefix.getBitCount()) {
            IPAddress host = prefix.withoutPrefixLength();
            if (host.isMultiple()) {
                throw InvalidRequestException.of("address", prefix, "is a range, not a prefix");
            }
            return host;
        }
        return length == 0 ? null : prefix.toPrefixBlock();
    }

    /** Any address, any port. */
    public static Endpoint any() {
        return ANY;
    }

    /** Any address, this port (0 for any). */
    public static Endpoint anyAddress(int port) {
        return new Endpoint(null, port);
    }

    /** Exactly this address, any port. */
    public static Endpoint host(IPAddress address) {
        return new Endpoint(address.withoutPrefixLength(), 0);
    }

    /** Exactly this address and port (0 for any port). */
    public static Endpoint host(IPAddress address, int port) {
        return new Endpoint(address.withoutPrefixLength(), port);
    }

    /** This endpoint with another port (0 for any). */
    public Endpoint withPort(int newPort) {
        return new Endpoint(prefix, newPort);
    }

    /** Whether any address matches. */
    public boolean isAnyAddress() {
        return prefix == null;
    }

    /** Whether exactly one address matches. */
    public boolean isHost() {
        return prefix != null && !prefix.isMultiple();
    }

    /** Whether a packet's address and port fall in this endpoint. */
    boolean matches(IPAddress address, int packetPort) {
        boolean addressMatches = prefix == null
                || (prefix.isIPv6() == address.isIPv6() && prefix.contains(address));
        return addressMatches && (port == 0 || port == packetPort);
    }

    /** {@code any}, {@code host ADDR} or {@code ADDR/LEN}, without the port. */
    String addressText() {
        if (prefix == null) {
            return "any";
        }
        if (isHost()) {
            return "host " + Addresses.text(prefix);
        }
        return Addresses.text(prefix) + "/" + prefix.getNetworkPrefixLength();
    }

    @Override
    public String toString() {
        return addressText() + (port == 0 ? "" : " eq " + port);
    }
}
