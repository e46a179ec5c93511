package org.dumbno.eos.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One CLI command split into words, read left to right; keywords are case-insensitive. */
final class Tokens {
    private final String command;
    private final List<String> words = new ArrayList<>(12);
    /** Where each word starts in {@link #command}. */
    private int[] starts = new int[12];
    private int next;

    Tokens(String command) {
        this.command = command;
        split();
    }

    /** Splits on runs of whitespace, without a regular expression: this runs once per command. */
    private void split() {
        int start = -1;
        for (int i = 0; i < command.length(); i++) {
            boolean space = Character.isWhitespace(command.charAt(i));
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

    private void add(int start, int end) {
        if (words.size() == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[words.size()] = start;
        words.add(command.substring(start, end));
    }

    String command() {
        return command;
    }

    int position() {
        return next;
    }

    int size() {
        return words.size();
    }

    boolean atEnd() {
        return next >= words.size();
    }

    /** The next word without consuming it, or null at the end. */
    String peek() {
        return atEnd() ? null : words.get(next);
    }

    /** Consumes the next word when it is {@code keyword}. */
    boolean accept(String keyword) {
        if (!atEnd() && words.get(next).equalsIgnoreCase(keyword)) {
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
        return words.get(next++);
    }

    /** The rest of the command from the current word, as typed (single spaces). */
    String rest() {
        if (atEnd()) {
            return "";
        }
        for (int i = next + 1; i < words.size(); i++) {
            if (starts[i] - 1 != starts[i - 1] + words.get(i - 1).length() || command.charAt(starts[i] - 1) != ' ') {
                return String.join(" ", words.subList(next, words.size()));
            }
        }
        int last = words.size() - 1;
        return command.substring(starts[next], starts[last] + words.get(last).length());
    }

    /** Fails unless every word was consumed. */
    void end() throws CliError {
        if (!atEnd()) {
            throw unexpected();
        }
    }

    /** The error for the current word (or an incomplete command at the end). */
    CliError unexpected() {
        return atEnd() ? CliError.incomplete() : CliError.invalidAt(next, words.get(next));
    }

    /** The error for the word at {@code position}. */
    CliError invalidAt(int position) {
        return position < words.size() ? CliError.invalidAt(position, words.get(position)) : CliError.incomplete();
    }

    /** Starts reading from the first word again. */
    void rewind() {
        next = 0;
    }

    /** Skips to the end: the rest was read by someone else. */
    void consumeAll() {
        next = words.size();
    }
}
