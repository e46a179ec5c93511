package org.dumbno.internal;

import java.util.regex.Pattern;

/**
 * The names of the switches one dumbno keeps shunts on, as replies, log lines and the metrics
 * label {@code switch} show them: the configuration checks them, the engines and metrics use them.
 */
public final class SwitchNames {
    /** The first switch's name when the configuration gives none. */
    public static final String DEFAULT = "main";
    /** What {@link #isName} accepts, as a message says it. */
    public static final String RULE = "a letter, then letters, digits, _ - . ; at most 64";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private SwitchNames() {
    }

    /** Whether {@code name} may name a switch. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }
}
