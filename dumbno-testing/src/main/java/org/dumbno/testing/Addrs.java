package org.dumbno.testing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Address literals for tests, parsed without any name lookup. */
public final class Addrs {

    private Addrs() {
    }

    public static IPAddress ip(String text) {
        return new IPAddressString(text).getAddress();
    }

    public static List<IPAddress> ips(String... texts) {
        return Arrays.stream(texts).map(Addrs::ip).toList();
    }

    public static InetAddress inet(String text) {
        return ip(text).toInetAddress();
    }

    /** {@code ::ffff:a.b.c.d} kept as an IPv6 address, as a dual-stack socket may report it. */
    public static InetAddress mapped(String ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ip(ipv4).getBytes(), 0, bytes, 12, 4);
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
