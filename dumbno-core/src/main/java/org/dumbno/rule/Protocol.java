package org.dumbno.rule;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * An IP protocol number, 1-255, or {@link #ANY} (number 0): every IP protocol, written {@code ip}
 * or {@code ipv6} depending on the family.
 */
public record Protocol(int number) {
    /** Any IP protocol: the {@code ip} / {@code ipv6} keyword. */
    public static final Protocol ANY = new Protocol(0);
    public static final Protocol ICMP = new Protocol(1);
    public static final Protocol TCP = new Protocol(6);
    public static final Protocol UDP = new Protocol(17);
    public static final Protocol ICMPV6 = new Protocol(58);
    public static final Protocol SCTP = new Protocol(132);

    /** The names EOS uses for protocol numbers (besides {@code ip}/{@code ipv6} for any). */
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ahp", 51),
            Map.entry("icmpv6", 58), Map.entry("ospf", 89), Map.entry("pim", 103),
            Map.entry("vrrp", 112), Map.entry("sctp", 132));

    private static final String NAMES = "ip, ipv6, tcp, udp, icmp, icmpv6, sctp, igmp, gre, esp, ahp,"
            + " ospf, pim, vrrp";

    /**
     * The protocol keywords EOS takes in IPv4 access lists; any other protocol is written as its
     * number ({@code deny esp ...} is {@code Invalid input}).
     */
    private static final Map<String, Integer> IP_KEYWORDS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("gre", 47), Map.entry("ahp", 51), Map.entry("ospf", 89), Map.entry("pim", 103),
            Map.entry("vrrp", 112), Map.entry("sctp", 132));

    /** The protocol keywords EOS takes in IPv6 access lists; 51 stays {@code 51} there. */
    private static final Map<String, Integer> IPV6_KEYWORDS = Map.ofEntries(
            Map.entry("icmpv6", 58), Map.entry("ospf", 89), Map.entry("tcp", 6), Map.entry("udp", 17));

    /** The keywords of each family by number, for writing a protocol without a search. */
    private static final Map<Integer, String> IP_NAMES = byNumber(IP_KEYWORDS);
    private static final Map<Integer, String> IPV6_NAMES = byNumber(IPV6_KEYWORDS);

    /** Every protocol by number, so that parsing keeps one instance of each. */
    private static final Protocol[] BY_NUMBER = byNumber();

    public Protocol {
        if (number < 0 || number > 255) {
            throw InvalidRequestException.of("proto", number, "must be 0-255");
        }
    }

    /**
     * The protocol for a case-insensitive name ({@code ip}, {@code ipv6}, {@code tcp}, {@code udp},
     * {@code icmp}, {@code icmpv6}, {@code sctp} and the other EOS names) or a decimal number
     * 0-255, where 0, {@code ip} and {@code ipv6} mean any protocol.
     */
    public static Protocol parse(String nameOrNumber) {
        if (nameOrNumber == null || nameOrNumber.isEmpty()) {
            throw InvalidRequestException.of("proto", "", "must be a protocol name or number");
        }
        String name = nameOrNumber.toLowerCase(Locale.ROOT);
        if (name.equals("ip") || name.equals("ipv6")) {
            return ANY;
        }
        Integer known = NUMBERS.get(name);
        if (known != null) {
            return BY_NUMBER[known];
        }
        if (isDigits(name)) {
            if (name.length() > 3 || Integer.parseInt(name) > 255) {
                throw InvalidRequestException.of("proto", nameOrNumber, "must be 0-255");
            }
            return BY_NUMBER[Integer.parseInt(name)];
        }
        throw InvalidRequestException.of("proto", nameOrNumber,
                "must be one of " + NAMES + " or a number 0-255");
    }

    /** Whether this is any IP protocol. */
    public boolean isAny() {
        return number == 0;
    }

    /** Whether rules of this protocol may name ports: tcp, udp and sctp. */
    public boolean hasPorts() {
        return number == 6 || number == 17 || number == 132;
    }

    /**
     * Whether EOS lets rules of this protocol name ports in lists of {@code family}: after its
     * keyword only, so sctp ports are IPv4 only (an IPv6 list has no {@code sctp} keyword).
     */
    public boolean hasPorts(Family family) {
        return hasPorts() && keywords(family).containsKey(keyword(family));
    }

    /**
     * The protocol as written in a list of {@code family}: the family's keyword for any, the
     * keyword EOS takes for it in that family, else its number ({@code 50} for ESP in both).
     */
    public String keyword(Family family) {
        if (isAny()) {
            return family.keyword();
        }
        String name = (family == Family.IP ? IP_NAMES : IPV6_NAMES).get(number);
        return name != null ? name : Integer.toString(number);
    }

    /**
     * Reads the protocol word of a rule in a list of {@code family} as EOS does: the family's
     * keyword for any, a keyword that family takes, or a number 0-255.
     *
     * @throws InvalidRequestException for a word the family does not take, {@code esp} included
     */
    public static Protocol parse(Family family, String word) {
        String name = word.toLowerCase(Locale.ROOT);
        if (name.equals(family.keyword())) {
            return ANY;
        }
        Integer known = keywords(family).get(name);
        if (known != null) {
            return BY_NUMBER[known];
        }
        if (!name.isEmpty() && name.length() <= 3 && isDigits(name)
                && Integer.parseInt(name) <= 255) {
            return BY_NUMBER[Integer.parseInt(name)];
        }
        throw InvalidRequestException.of("proto", word, "is not a protocol of " + family.keyword()
                + " access lists: one of " + String.join(", ", new TreeSet<>(keywords(family).keySet()))
                + " or a number 0-255");
    }

    private static Map<Integer, String> byNumber(Map<String, Integer> keywords) {
        Map<Integer, String> names = new HashMap<>();
        keywords.forEach((name, number) -> names.put(number, name));
        return Map.copyOf(names);
    }

    private static Map<String, Integer> keywords(Family family) {
        return family == Family.IP ? IP_KEYWORDS : IPV6_KEYWORDS;
    }

    @Override
    public String toString() {
        if (isAny()) {
            return "any";
        }
        for (Map.Entry<String, Integer> entry : NUMBERS.entrySet()) {
            if (entry.getValue() == number) {
                return entry.getKey();
            }
        }
        return Integer.toString(number);
    }

    private static Protocol[] byNumber() {
        Protocol[] all = new Protocol[256];
        for (int number = 0; number < all.length; number++) {
            all[number] = new Protocol(number);
        }
        for (Protocol known : new Protocol[] {ANY, ICMP, TCP, UDP, ICMPV6, SCTP}) {
            all[known.number] = known;
        }
        return all;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
