package org.dumbno.config;

import java.util.regex.Pattern;

/** The interface and ACL names EOS accepts, checked before anything reaches a switch. */
final class EosNames {
    /** A letter, then letters, digits, {@code _ - .}; 100 characters at most. */
    private static final Pattern ACL = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    /** A letter, then letters, digits, {@code / . -}: Ethernet1, Ethernet3/1/2, Port-Channel10, Et1. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9/.-]{0,99}");

    private EosNames() {
    }

    static boolean isAclName(String name) {
        return ACL.matcher(name).matches();
    }

    static boolean isInterfaceName(String name) {
        return INTERFACE.matcher(name).matches() && !name.endsWith("/") && !name.contains("//");
    }

    static void checkInterface(String section, String iface, String value) {
        if (!isInterfaceName(iface)) {
            throw Field.of(section, iface, value).fail(
                    "not an interface name EOS accepts (like Ethernet1, Ethernet1/1 or Port-Channel10)");
        }
    }

    static void checkAcl(String section, String iface, String acl) {
        if (!isAclName(acl)) {
            throw Field.of(section, iface, acl).fail(
                    "not an ACL name EOS accepts (a letter, then letters, digits, _ - . ; at most 100)");
        }
    }
}
