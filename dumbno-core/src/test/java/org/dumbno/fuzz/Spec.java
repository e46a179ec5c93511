package org.dumbno.fuzz;

import java.util.SplittableRandom;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;

/**
 * A valid request as the generator models it, independently of the code under test: the values a
 * sensor sends and the EOS rule text SPEC.md says they become ({@code PROTO SRC [eq SPORT] DST [eq
 * DPORT]}).
 *
 * @param ipv6 the family of the addresses (and of the rule)
 * @param src the source address as written, or null for any
 * @param dst the destination address as written, or null for any
 * @param proto the protocol number, 0 for any
 * @param sport the source port, 0 for any
 * @param dport the destination port, 0 for any
 * @param protectedHost whether src or dst lies in {@link #PROTECTED}
 */
record Spec(boolean ipv6, String src, String dst, int proto, int sport, int dport, boolean protectedHost) {
    /** The one network the fuzzed server never shunts. */
    static final String PROTECTED = "2001:db8:dead::/48";

    /** Ports go with tcp and udp, and with sctp in IPv4 only: IPv6 lists have no sctp keyword (EAPI.md). */
    static boolean hasPorts(int proto, boolean ipv6) {
        return proto == 6 || proto == 17 || proto == 132 && !ipv6;
    }

    /**
     * Whether the server must refuse it: a side in the protected network, or, the protected network
     * being IPv6, an IPv6 rule with {@code any} on a side, which would cover it.
     */
    boolean refused() {
        return protectedHost || ipv6 && (src == null || dst == null);
    }

    /** The rule text SPEC.md gives for this request. */
    String ruleText() {
        String keyword = proto == 0 ? (ipv6 ? "ipv6" : "ip") : Integer.toString(proto);
        return keyword + " " + side(src, sport) + " " + side(dst, dport);
    }

    /** The rule, read structurally from {@link #ruleText()}. */
    Rule rule() {
        return Rule.parse(ipv6 ? Family.IPV6 : Family.IP, ruleText());
    }

    private static String side(String address, int port) {
        return (address == null ? "any" : "host " + address) + (port == 0 ? "" : " eq " + port);
    }

    /** A random valid request. */
    static Spec random(SplittableRandom random) {
        boolean ipv6 = random.nextInt(10) < 3;
        int proto = protocol(random, ipv6);
        boolean ports = hasPorts(proto, ipv6);
        boolean bothAddresses = ipv6 && random.nextInt(10) < 7;
        boolean protectedHost = ipv6 && random.nextInt(10) == 0;
        String src = bothAddresses || random.nextInt(10) < 7 ? address(random, ipv6, false) : null;
        String dst = bothAddresses || random.nextInt(10) < 7 ? address(random, ipv6, false) : null;
        if (protectedHost) {
            if (random.nextBoolean() || dst == null) {
                src = address(random, true, true);
            } else {
                dst = address(random, true, true);
            }
        }
        int sport = ports && random.nextInt(10) < 4 ? port(random) : 0;
        int dport = ports && random.nextInt(10) < 6 ? port(random) : 0;
        if (src == null && dst == null && (ipv6 || !ports || sport == 0 && dport == 0)) {
            src = address(random, ipv6, false);
        }
        return new Spec(ipv6, src, dst, proto, sport, dport, protectedHost);
    }

    private static int protocol(SplittableRandom random, boolean ipv6) {
        int pick = random.nextInt(100);
        if (pick < 35) {
            return 6;
        } else if (pick < 55) {
            return 17;
        } else if (pick < 60) {
            return 132;
        } else if (pick < 75) {
            return 0;
        } else if (pick < 82) {
            return ipv6 ? 58 : 1;
        } else if (pick < 87) {
            return 47;
        }
        int number = 2 + random.nextInt(254);
        return number == 58 && !ipv6 ? 59 : number;
    }

    static int port(SplittableRandom random) {
        int[] favourites = {1, 22, 53, 80, 123, 443, 8080, 65535};
        return random.nextInt(4) == 0 ? favourites[random.nextInt(favourites.length)] : 1 + random.nextInt(65535);
    }

    /** A host address literal as sensors write them, never the unspecified address. */
    static String address(SplittableRandom random, boolean ipv6, boolean inProtected) {
        if (!ipv6) {
            return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(0x10000);
        }
        int[] firsts = {0x2400, 0x2a00, 0xfd00, 0xfe80, 0x2600, 0x3fff};
        groups[0] = firsts[random.nextInt(firsts.length)] + random.nextInt(0x100);
        if (inProtected) {
            groups[0] = 0x2001;
            groups[1] = 0xdb8;
            groups[2] = 0xdead;
        }
        String text = random.nextInt(8) == 0 ? mixed(random, groups) : Ipv6Text.of(random, groups);
        return random.nextInt(4) == 0 ? text.toUpperCase(java.util.Locale.ROOT) : text;
    }

    /** The last 32 bits written as a dotted quad: {@code 2400:1::c000:201} as {@code 2400:1::192.0.2.1}. */
    private static String mixed(SplittableRandom random, int[] groups) {
        int[] head = java.util.Arrays.copyOf(groups, 6);
        String quad = (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
        String prefix = Ipv6Text.of(random, head);
        return prefix + (prefix.endsWith("::") ? "" : ":") + quad;
    }
}
