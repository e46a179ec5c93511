package org.dumbno.rule;

import java.util.Locale;
import java.util.Map;

/** Port names in EOS rule text. */
final class Ports {
    /** The names EOS writes back instead of the number. */
    private static final Map<Integer, String> STORED_NAMES = Map.ofEntries(
            Map.entry(20, "ftp-data"), Map.entry(21, "ftp"), Map.entry(22, "ssh"),
            Map.entry(23, "telnet"), Map.entry(25, "smtp"), Map.entry(67, "bootps"),
            Map.entry(68, "bootpc"), Map.entry(80, "www"), Map.entry(123, "ntp"),
            Map.entry(161, "snmp"), Map.entry(179, "bgp"), Map.entry(443, "https"));

    /** {@link #STORED_NAMES} by port up to the highest named one: above it, no port has a name. */
    private static final String[] STORED_BY_PORT = storedByPort();

    /** Every name read back: the stored names and other unambiguous EOS port names. */
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("ftp-data", 20), Map.entry("ftp", 21), Map.entry("ssh", 22),
            Map.entry("telnet", 23), Map.entry("smtp", 25), Map.entry("bootps", 67),
            Map.entry("bootpc", 68), Map.entry("www", 80), Map.entry("ntp", 123),
            Map.entry("snmp", 161), Map.entry("bgp", 179), Map.entry("https", 443),
            Map.entry("echo", 7), Map.entry("discard", 9), Map.entry("daytime", 13),
            Map.entry("time", 37), Map.entry("whois", 43), Map.entry("tacacs", 49),
            Map.entry("domain", 53), Map.entry("tftp", 69), Map.entry("gopher", 70),
            Map.entry("finger", 79), Map.entry("pop2", 109), Map.entry("pop3", 110),
            Map.entry("sunrpc", 111), Map.entry("ident", 113), Map.entry("nntp", 119),
            Map.entry("snmptrap", 162), Map.entry("ldap", 389), Map.entry("isakmp", 500));

    private Ports() {
    }

    private static String[] storedByPort() {
        String[] names = new String[STORED_NAMES.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        STORED_NAMES.forEach((port, name) -> names[port] = name);
        return names;
    }

    /** The port as EOS stores it: its name when EOS has one, else the number. */
    static String canonical(int port) {
        return hasName(port) ? STORED_BY_PORT[port] : Integer.toString(port);
    }

    /** Whether EOS writes {@code port} back by name (asked per rule formatted: no boxing). */
    static boolean hasName(int port) {
        return port >= 0 && port < STORED_BY_PORT.length && STORED_BY_PORT[port] != null;
    }

    /** The port for a decimal number 1-65535 or a name, or -1 when the word is neither. */
    static int parse(String word) {
        Integer named = NUMBERS.get(word.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (word.isEmpty() || word.length() > 5) {
            return -1;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') {
                return -1;
            }
        }
        int port = Integer.parseInt(word);
        return port >= 1 && port <= 65535 ? port : -1;
    }
}
