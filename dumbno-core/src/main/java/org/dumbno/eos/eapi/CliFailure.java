package org.dumbno.eos.eapi;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message eAPI puts in a failed call's error: {@code CLI command 4 of 4 'CMD' failed: REASON},
 * with a one-based index.
 */
record CliFailure(int index, int count, String command, String reason) {

    private static final Pattern MESSAGE =
            Pattern.compile("CLI command (\\d+) of (\\d+) '(.*)' failed: (.*)", Pattern.DOTALL);

    private static final Map<Integer, String> REASONS = Map.of(
            1000, "could not run command",
            1002, "invalid command",
            1003, "unconverted command",
            1004, "incompatible command",
            1005, "unauthorized command");

    CliFailure {
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("index (" + index + ") must be 1-" + count);
        }
    }

    /** The failure of the zero-based {@code failedIndex} among {@code count} commands. */
    static CliFailure of(int code, int failedIndex, int count, String command) {
        return new CliFailure(failedIndex + 1, count, command, REASONS.getOrDefault(code, REASONS.get(1000)));
    }

    /** Reads eAPI's message, if it has the usual shape. */
    static Optional<CliFailure> parse(String message) {
        Matcher m = MESSAGE.matcher(message);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int index = Integer.parseInt(m.group(1));
            int count = Integer.parseInt(m.group(2));
            if (index < 1 || index > count) {
                return Optional.empty();
            }
            return Optional.of(new CliFailure(index, count, m.group(3), m.group(4)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Zero-based index of the failed command. */
    int failedIndex() {
        return index - 1;
    }

    String message() {
        return "CLI command " + index + " of " + count + " '" + command + "' failed: " + reason;
    }
}
