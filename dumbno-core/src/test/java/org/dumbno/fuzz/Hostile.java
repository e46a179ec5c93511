package org.dumbno.fuzz;

import java.util.List;

/**
 * Values that must never make a rule, as JSON value texts, by the field they are put in. Each one is
 * refused whatever the other fields say: EOS injection ({@code "1.2.3.4 log"}, a newline and a
 * command, {@code ;}, {@code any}, {@code host ...}), prefixes, hostnames, zone ids, the unspecified
 * address, inet_aton spellings, look-alike digits, wrong JSON types and numbers out of range.
 */
final class Hostile {
    static final List<String> ADDRESSES = List.of(
            "\"1.2.3.4 log\"", "\"1.2.3.4\\nno 10\"", "\"1.2.3.4\nno 10\"", "\";\"", "\"any\"", "\"host 1.2.3.4\"",
            "\"1.2.3.4;reload\"", "\"1.2.3.4 any\"", "\"ip any any\"", "\"no ip access-list bulk_1\"",
            "\"1.2.3.4|reload\"", "\"$(reboot)\"", "\"`id`\"", "\"' or 1=1\"", "\"\\\"\"", "\"\\\\\"",
            "\"1.2.3.0/24\"", "\"10.0.0.0/8\"", "\"1.2.3.4/32\"", "\"0.0.0.0/0\"", "\"::/0\"", "\"2001:db8::/64\"",
            "\"2001:db8::1/128\"", "\"localhost\"", "\"example.com\"", "\"sensor-1\"", "\"dumbno.local\"",
            "\"fe80::1%eth0\"", "\"fe80::1%1\"", "\"fe80::1%\"", "\"::ffff:1.2.3.4%0 log\"", "\"0.0.0.0\"", "\"::\"",
            "\"0:0:0:0:0:0:0:0\"", "\"::0.0.0.0\"", "\"1.2.3\"", "\"1.2\"", "\"16909060\"", "\"0x01020304\"",
            "\"01.2.3.4\"", "\"1.2.3.04\"", "\"1.2.3.256\"", "\"256.1.1.1\"", "\"1.2.3.4.5\"", "\"1.2.3.-4\"",
            "\"1.2.3.1-5\"", "\"1.2.3.*\"", "\"*\"", "\"*:*\"", "\"1.2.3.4 \"", "\" 1.2.3.4\"", "\"\\t1.2.3.4\"",
            "\"1.2.3.4\\u0000\"", "\"1.2.3.4\\r\"", "\"１.２.３.４\"", "\"١.٢.٣.٤\"", "\"1.2.3.4\u200b\"",
            "\"2001:db8::1::2\"", "\"2001:db8:::1\"", "\"12345::1\"", "\"2001:db8::g\"", "\":::\"",
            "\"1:2:3:4:5:6:7:8:9\"", "\"[2001:db8::1]\"", "\"1.2.3.4:80\"", "\"0b1.2.3.4\"", "\"1.2.3.4,5.6.7.8\"",
            "\"1.2.3.4 5.6.7.8\"", "\"2001:db8::1 log\"", "\"2001:db8::1\\nexit\"", "\"\\ud800\"",
            "\"1.2.3.4\\ud800\"", "\"1.2.3.4\u00a0\"", "\"ａｎｙ\"",
            "16909060", "1.5", "-1", "0", "true", "false", "[\"1.2.3.4\"]", "{\"host\":\"1.2.3.4\"}", "[]", "{}");

    static final List<String> PROTOCOLS = List.of(
            "\"tcp log\"", "\"tcp any any\"", "\"ip\\nexit\"", "\"ip\nexit\"", "\"any\"", "\";\"",
            "\"host 1.2.3.4\"", "\"tcp;\"", "\"tcp \"", "\" tcp\"", "\"TCP\\u0000\"", "\"256\"", "256", "-1", "\"-1\"",
            "6.0", "6.5", "1e1", "\"6.0\"", "\"0x6\"", "\"0006\"", "\"ipv4\"", "\"icmp6\"", "\"tcpp\"", "\"t cp\"",
            "\"ｔｃｐ\"", "\"６\"", "\"1.2.3.4\"", "\"eq\"", "\"deny\"", "\"permit\"", "\"log\"", "\"ip any any\"",
            "262", "4294967302", "\"4294967302\"", "18446744073709551622", "1e400", "-0", "\"+6\"", "\"tcp\\u200b\"",
            "\"\\ud800\"", "\"tcp\\ud800\"", "true", "false", "[]", "{}", "[6]", "{\"p\":6}", "[\"tcp\"]");

    static final List<String> PORTS = List.of(
            "\"80 log\"", "\"80\\n\"", "\"80\n\"", "\"www\"", "\"https\"", "\";\"", "\"any\"", "\"host 1.2.3.4\"",
            "\"65536\"", "65536", "70000", "-1", "\"-1\"", "0.5", "80.0", "\"80.0\"", "1e3", "\"1e3\"", "1E2",
            "\" 80\"", "\"80 \"", "\"+80\"", "\"0x50\"", "\"８０\"", "\"١٢٣\"", "\"80 range 1 65535\"", "\"80-90\"",
            "\"80,443\"", "\"eq 80\"", "\"000080\"", "\"0000080\"", "4294967376", "\"4294967376\"",
            "18446744073709551696", "-4294967216", "99999999999999999999999999999", "1e400", "\"1e400\"", "-0",
            "\"-0\"", "1.0e2", "\"80\\u0000\"", "\"\\ud800\"", "true", "false", "[80]", "{\"a\":1}", "[]", "{}",
            "\"80\\ud800\"", "\"80\u00a0\"");

    /** Characters that, put inside an address, must make it no address. */
    static final String BREAKERS = " \n\r\t;|&$`'\"\\/%,*-_[]{}()#!?~^=+<>@gxzGZ\u0000\u0001\u001b\u007f\u00a0\u200b\u2028\uff10\u0660";

    private Hostile() {
    }

    /** A huge decimal number of {@code digits} digits (no leading zero), as a JSON number or string. */
    static String hugeNumber(java.util.SplittableRandom random, int digits, boolean quoted) {
        StringBuilder out = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < digits; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return quoted ? "\"" + out + "\"" : out.toString();
    }
}
