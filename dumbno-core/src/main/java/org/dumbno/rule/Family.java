package org.dumbno.rule;

/** An address family, named by the keyword EOS uses for its access lists and for "any protocol". */
public enum Family {
    /** IPv4: {@code ip access-list}. */
    IP("ip"),
    /** IPv6: {@code ipv6 access-list}. */
    IPV6("ipv6");

    private final String keyword;

    Family(String keyword) {
        this.keyword = keyword;
    }

    /** The EOS keyword: {@code ip} or {@code ipv6}. */
    public String keyword() {
        return keyword;
    }
}
