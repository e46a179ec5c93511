package org.dumbno.cli;

/** Where a command looks for its configuration when none is given. */
final class Cfg {
    /** The configuration file of an installed dumbno. */
    static final String DEFAULT = "/etc/dumbno/dumbno.cfg";

    private Cfg() {
    }
}
