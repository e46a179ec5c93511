package org.dumbno.internal;

import java.util.regex.Pattern;

/**
 * The interface and ACL names EOS accepts: the configuration checks them before anything reaches
 * a switch, and the simulated switch refuses others as EOS does.
 */
public final class EosNames {
    /** A letter, then letters, digits, {@code _ - .}; 100 characters at most. */
    private static final Pattern ACL = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    /** A letter, then letters, digits, {@code / . -}: Ethernet1, Ethernet3/1/2, Port-Channel10, Et1. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9/.-]{0,99}");

    /** What {@link #isAclName} accepts, as a message says it. */
    public static final String ACL_RULE = "a letter, then letters, digits, _ - . ; at most 100";

    private EosNames() {
    }

    /** Whether EOS accepts {@code name} as an access list's name. */
    public static boolean isAclName(String name) {
        return ACL.matcher(name).matches();
    }

    /** Whether EOS accepts {@code name} as an interface's name. */
    public static boolean isInterfaceName(String name) {
        return INTERFACE.matcher(name).matches() && !name.endsWith("/") && !name.contains("//");
    }
}
