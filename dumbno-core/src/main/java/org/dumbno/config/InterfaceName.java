package org.dumbno.config;

import java.util.regex.Pattern;

/** The interface names EOS accepts, checked before anything reaches a switch; ACL names are {@code AclKey}'s. */
final class InterfaceName {
    /** A letter, then letters, digits, {@code / . -}: Ethernet1, Ethernet3/1/2, Port-Channel10, Et1. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9/.-]{0,99}");

    private InterfaceName() {
    }

    /** Whether EOS accepts {@code name} as an interface's name. */
    static boolean isValid(String name) {
        return INTERFACE.matcher(name).matches() && !name.endsWith("/") && !name.contains("//");
    }
}
