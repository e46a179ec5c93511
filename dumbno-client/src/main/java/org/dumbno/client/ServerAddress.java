package org.dumbno.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A server's IP literal and port, read without ever asking a resolver. */
record ServerAddress(InetAddress address, int port) {

    ServerAddress {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port (" + port + ") must be 1-65535");
        }
    }

    /** {@code host} is an IPv4 or IPv6 literal, IPv6 with or without brackets. */
    static ServerAddress of(String host, int port) {
        String text = host == null ? "" : host;
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        InetAddress address = IpLiterals.parse(bare);
        if (address == null) {
            throw notAnAddress(text);
        }
        return new ServerAddress(address, port);
    }

    /** {@code host:port}, {@code [v6]:port}, or a bare literal meaning {@code defaultPort}. */
    static ServerAddress parse(String hostAndPort, int defaultPort) {
        String text = hostAndPort == null ? "" : hostAndPort;
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (bracketed ? colon < text.indexOf(']') : colon < 0 || text.indexOf(':') != colon) {
            return of(text, defaultPort);
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw notAnAddress(text);
        }
        return of(host, Integer.parseInt(port));
    }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException("server (" + text + ") must be an IPv4 or IPv6 address"
                + " with an optional port, like 127.0.0.1:9000 or [::1]:9000");
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        String host = IpLiterals.text(address);
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
