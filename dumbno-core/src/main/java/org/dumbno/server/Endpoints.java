package org.dumbno.server;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import java.net.InetSocketAddress;

/** Socket addresses as log lines show them: {@code 192.0.2.1:9000}, {@code [2001:db8::1]:9000}. */
final class Endpoints {
    private static final IPAddressGenerator ADDRESSES = new IPAddressGenerator();

    private Endpoints() {
    }

    static String text(InetSocketAddress endpoint) {
        if (endpoint.getAddress() == null) {
            return endpoint.getHostString() + ":" + endpoint.getPort();
        }
        IPAddress address = ADDRESSES.from(endpoint.getAddress());
        String host = address.toCanonicalString();
        return (address.isIPv6() ? "[" + host + "]" : host) + ":" + endpoint.getPort();
    }
}
