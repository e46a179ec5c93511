package org.dumbno.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A server's address and port: an IP literal, or a host name looked up each time the server is
 * asked (so a renumbered server is found again). Request addresses are never names; only the
 * server's may be.
 *
 * @param address the literal; null for a host name
 * @param name the host name; null for a literal
 * @param port the UDP port
 */
record ServerAddress(InetAddress address, String name, int port) {
    /** RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

    ServerAddress {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port (" + port + ") must be 1-65535");
        }
        if ((address == null) == (name == null)) {
            throw new IllegalArgumentException("a server is an address or a name");
        }
    }

    /** {@code host} is an IPv4 or IPv6 literal, IPv6 with or without brackets, or a host name. */
    static ServerAddress of(String host, int port) {
        String text = host == null ? "" : host;
        if (isHostName(text)) {
            return new ServerAddress(null, text, port);
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        InetAddress address = IpLiterals.parse(bare);
        if (address == null) {
            throw notAnAddress(text);
        }
        return new ServerAddress(address, null, port);
    }

    /** A host name, not a literal: RFC 1123 syntax, and its last label is not all digits. */
    private static boolean isHostName(String text) {
        if (!HOST_NAME.matcher(text).matches()) {
            return false;
        }
        String bare = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        String last = bare.substring(bare.lastIndexOf('.') + 1);
        return !last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** {@code host:port}, {@code [v6]:port}, or a bare host meaning {@code defaultPort}. */
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
        return new IllegalArgumentException("server (" + text + ") must be a host name or an IPv4 or IPv6 address"
                + " with an optional port, like dumbno.example.org:9000, 127.0.0.1:9000 or [::1]:9000");
    }

    /**
     * The socket address to send to; a host name is looked up now.
     *
     * @throws UnknownHostException the name does not resolve
     */
    InetSocketAddress socketAddress() throws UnknownHostException {
        if (name == null) {
            return new InetSocketAddress(address, port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(name), port);
        } catch (UnknownHostException e) {
            UnknownHostException located = new UnknownHostException("server " + this + ": unknown host");
            located.initCause(e);
            throw located;
        }
    }

    @Override
    public String toString() {
        if (name != null) {
            return name + ":" + port;
        }
        String host = IpLiterals.text(address);
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
