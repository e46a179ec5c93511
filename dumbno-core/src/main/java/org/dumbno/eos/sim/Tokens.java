package org.dumbno.eos.sim;

import java.util.Arrays;

/**
 * One CLI command split into words, read left to right; keywords are case-insensitive. A word is
 * kept as where it starts and ends in the command and becomes a string only when asked for: most
 * are only compared with a keyword.
 */
final class Tokens {
    private final String command;
    /** Where each word starts and ends in {@link #command}. */
    private int[] starts = new int[12];
    private int[] ends = new int[12];
    private int size;
    private int next;

    Tokens(String command) {
        this.command = command;
        split();
    }

    /** Splits on runs of whitespace, without a regular expression: this runs once per command. */
    private void split() {
        int start = -1;
        for (int i = 0; i < command.length(); i++) {
            boolean space = isWhitespace(command.charAt(i));
            if (space && start >= 0) {
                add(start, i);
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            add(start, command.length());
        }
    }

    /** {@link Character#isWhitespace}, answered at once for printable ASCII. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || (c < ' ' || c > '~') && Character.isWhitespace(c);
    }

    private void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    String command() {
        return command;
    }

    int position() {
        return next;
    }

    int size() {
        return size;
    }

    boolean atEnd() {
        return next >= size;
    }

    private String word(int index) {
        return command.substring(starts[index], ends[index]);
    }

    /** Whether the next word is {@code keyword}, without consuming it. */
    boolean nextIs(String keyword) {
        return !atEnd() && ends[next] - starts[next] == keyword.length()
                && command.regionMatches(true, starts[next], keyword, 0, keyword.length());
    }

    /** Whether the next word is made of digits only. */
    boolean nextIsDigits() {
        if (atEnd()) {
            return false;
        }
        for (int i = starts[next]; i < ends[next]; i++) {
            if (!Character.isDigit(command.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Consumes the next word when it is {@code keyword}. */
    boolean accept(String keyword) {
        if (nextIs(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    /** Consumes {@code keyword} or fails at the word found instead. */
    void expect(String keyword) throws CliError {
        if (!accept(keyword)) {
            throw unexpected();
        }
    }

    /** Consumes any word; the command is incomplete without one. */
    String take() throws CliError {
        if (atEnd()) {
            throw CliError.incomplete();
        }
        return word(next++);
    }

    /** The rest of the command from the current word, as typed (single spaces). */
    String rest() {
        if (atEnd()) {
            return "";
        }
        for (int i = next + 1; i < size; i++) {
            if (starts[i] - 1 != ends[i - 1] || command.charAt(ends[i - 1]) != ' ') {
                return singleSpaced();
            }
        }
        return command.substring(starts[next], ends[size - 1]);
    }

    private String singleSpaced() {
        StringBuilder rest = new StringBuilder(command.length());
        for (int i = next; i < size; i++) {
            if (i > next) {
                rest.append(' ');
            }
            rest.append(command, starts[i], ends[i]);
        }
        return rest.toString();
    }

    /** Fails unless every word was consumed. */
    void end() throws CliError {
        if (!atEnd()) {
            throw unexpected();
        }
    }

    /** The error for the current word (or an incomplete command at the end). */
    CliError unexpected() {
        return atEnd() ? CliError.incomplete() : CliError.invalidAt(next, word(next));
    }

    /** The error for the word at {@code position}. */
    CliError invalidAt(int position) {
        return position < size ? CliError.invalidAt(position, word(position)) : CliError.incomplete();
    }

    /** Starts reading from the first word again. */
    void rewind() {
        next = 0;
    }

    /** Skips to the end: the rest was read by someone else. */
    void consumeAll() {
        next = size;
    }
}
