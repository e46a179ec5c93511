package org.dumbno.rule;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;

/**
 * One side of a rule: an address prefix (null for any) and a port (0 for any). The prefix is
 * normalized to its network, so {@code 10.0.0.5/24} equals {@code 10.0.0.0/24}, a full-length
 * prefix equals the host and {@code /0} equals any.
 *
 * <p>A value like a record, but a class: every rule an engine knows holds two, so an IPv4 prefix
 * is kept as its 32 bits and length, and its {@link IPAddress} (a few hundred bytes with its
 * sections, segments and caches) is built only when {@link #prefix()} is asked for. An IPv6
 * prefix is kept as it is.
 */
public final class Endpoint {
    private static final Endpoint ANY = new Endpoint(null, 0);
    /** {@link #length} of any address. */
    private static final int NO_PREFIX = -1;

    /** The IPv6 prefix; null for any address and for IPv4. */
    private final IPAddress ipv6;
    /** The IPv4 network's bits when {@link #length} is set and {@link #ipv6} is null. */
    private final int ipv4;
    /** The prefix length (32 or 128 for a host); {@value #NO_PREFIX} for any address. */
    private final int length;
    private final int port;

    /**
     * {@code prefix} (null for any) normalized to its network, and {@code port} (0 for any).
     *
     * @throws InvalidRequestException the port is not 0-65535 or the address is a range
     */
    public Endpoint(IPAddress prefix, int port) {
        if (port < 0 || port > 65535) {
            throw InvalidRequestException.of("port", port, "must be 1-65535");
        }
        IPAddress network = normalize(prefix);
        this.port = port;
        if (network == null) {
            this.ipv6 = null;
            this.ipv4 = 0;
            this.length = NO_PREFIX;
        } else if (network.isIPv4()) {
            this.ipv6 = null;
            this.ipv4 = network.toIPv4().getLower().intValue();
            this.length = network.isPrefixed() ? network.getNetworkPrefixLength() : IPv4Address.BIT_COUNT;
        } else {
            this.ipv6 = network;
            this.ipv4 = 0;
            this.length = network.isPrefixed() ? network.getNetworkPrefixLength() : network.getBitCount();
        }
    }

    private Endpoint(int ipv4, int length, int port) {
        this.ipv6 = null;
        this.ipv4 = ipv4;
        this.length = length;
        this.port = port;
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

    /** Exactly the IPv4 address of these 32 bits, and {@code port} (0 for any, else 1-65535). */
    static Endpoint ipv4Host(int bits, int port) {
        if (port < 0 || port > 65535) {
            throw InvalidRequestException.of("port", port, "must be 1-65535");
        }
        return new Endpoint(bits, IPv4Address.BIT_COUNT, port);
    }

    /** Exactly this address, any port. */
    public static Endpoint host(IPAddress address) {
        return new Endpoint(address.withoutPrefixLength(), 0);
    }

    /** Exactly this address and port (0 for any port). */
    public static Endpoint host(IPAddress address, int port) {
        return new Endpoint(address.withoutPrefixLength(), port);
    }

    /** The prefix, normalized to its network; null for any address. Built anew for IPv4. */
    public IPAddress prefix() {
        if (length == NO_PREFIX || ipv6 != null) {
            return ipv6;
        }
        IPv4Address address = new IPv4Address(ipv4);
        return length == IPv4Address.BIT_COUNT ? address : address.toPrefixBlock(length);
    }

    /** The port; 0 for any. */
    public int port() {
        return port;
    }

    /** This endpoint with another port (0 for any). */
    public Endpoint withPort(int newPort) {
        if (newPort < 0 || newPort > 65535) {
            throw InvalidRequestException.of("port", newPort, "must be 1-65535");
        }
        return ipv6 == null ? new Endpoint(ipv4, length, newPort) : new Endpoint(ipv6, newPort);
    }

    /** Whether any address matches. */
    public boolean isAnyAddress() {
        return length == NO_PREFIX;
    }

    /** Whether exactly one address matches. */
    public boolean isHost() {
        return length != NO_PREFIX && (ipv6 == null ? length == IPv4Address.BIT_COUNT : !ipv6.isMultiple());
    }

    /** The family of its address; null for any address. */
    Family family() {
        if (length == NO_PREFIX) {
            return null;
        }
        return ipv6 == null ? Family.IP : Family.IPV6;
    }

    /** Whether a packet's address and port fall in this endpoint. */
    boolean matches(IPAddress address, int packetPort) {
        return matchesAddress(address) && (port == 0 || port == packetPort);
    }

    private boolean matchesAddress(IPAddress address) {
        if (length == NO_PREFIX) {
            return true;
        }
        if (ipv6 != null) {
            return address.isIPv6() && ipv6.contains(address);
        }
        if (!address.isIPv4() || address.isMultiple()) {
            return address.isIPv4() && prefix().contains(address);
        }
        return (address.toIPv4().intValue() & mask(length)) == ipv4;
    }

    /** The netmask of an IPv4 prefix of {@code bits}, 1-32. */
    private static int mask(int bits) {
        return -1 << (IPv4Address.BIT_COUNT - bits);
    }

    /** {@code any}, {@code host ADDR} or {@code ADDR/LEN}, without the port. */
    String addressText() {
        if (length == NO_PREFIX) {
            return "any";
        }
        StringBuilder out = new StringBuilder(24);
        appendAddress(out);
        return out.toString();
    }

    /** Appends {@link #addressText()}. */
    void appendAddress(StringBuilder out) {
        if (length == NO_PREFIX) {
            out.append("any");
        } else if (ipv6 != null) {
            out.append(isHost() ? "host " : "").append(Addresses.text(ipv6));
            if (!isHost()) {
                out.append('/').append(length);
            }
        } else if (length == IPv4Address.BIT_COUNT) {
            Addresses.appendDottedQuad(out.append("host "), ipv4);
        } else {
            Addresses.appendDottedQuad(out, ipv4).append('/').append(length);
        }
    }

    /** The same address (or any) and port. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Endpoint that && port == that.port && length == that.length
                && ipv4 == that.ipv4 && (ipv6 == null ? that.ipv6 == null : ipv6.equals(that.ipv6));
    }

    @Override
    public int hashCode() {
        int hash = ipv6 == null ? ipv4 : ipv6.hashCode();
        return (hash * 31 + length) * 31 + port;
    }

    @Override
    public String toString() {
        return addressText() + (port == 0 ? "" : " eq " + port);
    }
}
