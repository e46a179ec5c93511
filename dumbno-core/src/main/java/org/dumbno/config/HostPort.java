package org.dumbno.config;

import inet.ipaddr.IPAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dumbno.rule.Addresses;

/**
 * {@code host}, {@code host:port} or {@code [ipv6]:port} as written in the file, split without
 * resolving anything. A bare IPv6 literal (no brackets) is a host without a port.
 */
record HostPort(String host, Optional<Integer> port) {
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    static HostPort parse(Field field, String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("[")) {
            return bracketed(field, trimmed);
        }
        if (trimmed.indexOf(':') != trimmed.lastIndexOf(':')) {
            IPAddress address = Addresses.parseHost(trimmed)
                    .orElseThrow(() -> field.fail("not an address (IPv6 with a port is written [2001:db8::1]:443)"));
            return new HostPort(address.toCanonicalString(), Optional.empty());
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new HostPort(checkHost(field, trimmed), Optional.empty());
        }
        return new HostPort(checkHost(field, trimmed.substring(0, colon)),
                Optional.of(port(field, trimmed.substring(colon + 1))));
    }

    private static HostPort bracketed(Field field, String text) {
        int close = text.indexOf(']');
        if (close < 0) {
            throw field.fail("missing ] after the IPv6 address");
        }
        String literal = text.substring(1, close);
        IPAddress address = Addresses.parseHost(literal).filter(IPAddress::isIPv6)
                .orElseThrow(() -> field.fail("not an IPv6 address in brackets"));
        String rest = text.substring(close + 1);
        if (rest.isEmpty()) {
            return new HostPort(address.toCanonicalString(), Optional.empty());
        }
        if (!rest.startsWith(":")) {
            throw field.fail("expected :port after ]");
        }
        return new HostPort(address.toCanonicalString(), Optional.of(port(field, rest.substring(1))));
    }

    private static String checkHost(Field field, String host) {
        if (host.isEmpty()) {
            throw field.fail("no host");
        }
        boolean looksNumeric = DIGITS_AND_DOTS.matcher(host).matches();
        if (looksNumeric) {
            return Addresses.parseHost(host).map(IPAddress::toCanonicalString)
                    .orElseThrow(() -> field.fail("not an IPv4 address"));
        }
        if (!HOST_NAME.matcher(host).matches() || host.length() > 253) {
            throw field.fail("not a host name or address");
        }
        return host;
    }

    private static int port(Field field, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535 && !text.startsWith("+")) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the field
        }
        throw field.fail("not a port number");
    }

    /** The host as an address if it is a literal ({@code localhost} counts as 127.0.0.1). */
    Optional<IPAddress> literal() {
        if (host.equalsIgnoreCase("localhost")) {
            return Addresses.parseHost("127.0.0.1");
        }
        return Addresses.parseHost(host);
    }

    /** A socket address to bind: the host must be a literal or {@code localhost}, with a port. */
    InetSocketAddress bindable(Field field) {
        IPAddress address = literal().orElseThrow(() -> field.fail(
                "not an address to listen on (IPv4, [IPv6] or localhost, with :port)"));
        int number = port.orElseThrow(() -> field.fail("no port (write host:port, IPv6 as [::1]:9000)"));
        return new InetSocketAddress(Addresses.inet(address), number);
    }

    /** A socket address to send to: resolved for a literal, unresolved for a host name. */
    InetSocketAddress destination(int defaultPort) {
        int number = port.orElse(defaultPort);
        return literal().map(address -> new InetSocketAddress(Addresses.inet(address), number))
                .orElseGet(() -> InetSocketAddress.createUnresolved(host, number));
    }
}
