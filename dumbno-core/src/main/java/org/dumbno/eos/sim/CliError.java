package org.dumbno.eos.sim;

import java.util.List;

/** EOS refused one command: the eAPI error code and the reasons the CLI gives. */
final class CliError extends Exception {
    private static final long serialVersionUID = 1L;

    static final int INVALID_COMMAND = 1002;
    static final int UNCONVERTED_COMMAND = 1003;

    private final int code;
    private final List<String> errors;

    CliError(int code, String error) {
        super(error, null, false, false);
        this.code = code;
        this.errors = List.of(error);
    }

    /** Bad syntax at a token (0-based position in the command), as the CLI reports it. */
    static CliError invalidAt(int token, String word) {
        return new CliError(INVALID_COMMAND, "Invalid input (at token " + token + ": '" + word + "')");
    }

    static CliError incomplete() {
        return new CliError(INVALID_COMMAND, "Incomplete command");
    }

    static CliError invalid(String error) {
        return new CliError(INVALID_COMMAND, error);
    }

    int code() {
        return code;
    }

    List<String> errors() {
        return errors;
    }
}
