package org.dumbno.internal;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import java.net.InetSocketAddress;

/** Socket addresses as messages and log lines show them: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
public final class SocketAddresses {
    private static final IPAddressGenerator ADDRESSES = new IPAddressGenerator();

    private SocketAddresses() {
    }

    /** {@code host:port}, IPv6 in brackets and canonical form; never a DNS lookup. */
    public static String text(InetSocketAddress endpoint) {
        if (endpoint.getAddress() == null) {
            return endpoint.getHostString() + ":" + endpoint.getPort();
        }
        IPAddress address = ADDRESSES.from(endpoint.getAddress());
        String host = address.toCanonicalString();
        return (address.isIPv6() ? "[" + host + "]" : host) + ":" + endpoint.getPort();
    }

    /** The host part for a URL or an HTTP client: the literal, IPv6 without brackets. */
    public static String host(InetSocketAddress endpoint) {
        if (endpoint.getAddress() == null) {
            return endpoint.getHostString();
        }
        return ADDRESSES.from(endpoint.getAddress()).toCanonicalString();
    }
}
