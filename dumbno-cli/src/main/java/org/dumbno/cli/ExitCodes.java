package org.dumbno.cli;

/** The exit codes every subcommand uses; {@code --help} lists them. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private ExitCodes() {
    }

    /**
     * Of two outcomes (one per switch), the one a command over several switches exits with: a
     * switch out of reach over a refusal or failed check, either over success.
     */
    static int worst(int one, int other) {
        return Math.max(one, other);
    }
}
