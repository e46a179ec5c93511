package org.dumbno.eos.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dumbno.rule.Family;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Rule;

/**
 * Access-list configuration mode: {@code [SEQ] permit|deny RULE}, {@code no SEQ},
 * {@code no permit|deny RULE}, {@code [no] counters per-entry} (or {@code statistics per-entry}).
 * The call as a whole is atomic towards other calls. The mode is a group change that takes effect
 * when it is left ({@link #leave}): a line taken out with {@code no SEQ} and written back the same
 * under its number before then nets to no change (it keeps its place in the hardware table and its
 * counters); one that stays out frees its place only then.
 */
final class AclMode {
    private static final Pattern RULE_TOKEN = Pattern.compile("^rule token (\\d+) ");
    private static final Pattern QUOTED = Pattern.compile("\\((.*?)\\)");

    private final SwitchState state;
    private final AccessList acl;
    private final Map<String, Line> parsed;
    /** The numbered lines written into the previous list of this family in this call, in order. */
    private final List<Written> previous;
    /** The numbered lines written into this list in this mode, in order. */
    private final List<Written> written = new ArrayList<>();
    /** Lines taken out by {@code no SEQ} in this group change, by number. */
    private final Map<Long, LiveEntry> takenOut = new HashMap<>();

    /** A command {@code SEQ permit|deny RULE} and what it says; the same text says the same in any list of its family. */
    record Written(String command, long sequence, SimulatedEntry.Action action, Line line) {
    }

    /**
     * {@code parsed}: the rules of the list's family read so far in this call, shared by the lists it
     * configures; {@code previous}: the numbered lines written into the list of this family the call
     * configured before, in order: a call that writes the same lines into several lists writes
     * them in the same order, so the n-th line here is compared with the n-th there, not read again.
     */
    AclMode(SwitchState state, AccessList acl, Map<String, Line> parsed, List<Written> previous) {
        this.state = state;
        this.acl = acl;
        this.parsed = parsed;
        this.previous = previous;
    }

    /**
     * Runs {@code command} when it is the numbered line the previous list got at this place: it goes
     * into this list as it would when read again; false when it is not.
     */
    boolean runWritten(String command) throws CliError {
        int at = written.size();
        if (at >= previous.size() || !previous.get(at).command().equals(command)) {
            return false;
        }
        Written known = previous.get(at);
        written.add(known);
        add(known.sequence(), known.action(), known.line());
        return true;
    }

    /** The numbered lines written in this mode, in order. */
    List<Written> written() {
        return written;
    }

    Family family() {
        return acl.family;
    }

    /** Runs a command of this mode; false (tokens rewound) when it belongs to another mode. */
    boolean run(Tokens tokens) throws CliError {
        boolean negate = tokens.accept("no");
        if (tokens.atEnd()) {
            throw CliError.incomplete();
        }
        if (tokens.nextIsDigits()) {
            long sequence = sequence(tokens);
            if (negate) {
                tokens.end();
                LiveEntry taken = state.takeEntry(acl, sequence);
                if (taken != null) {
                    takenOut.put(sequence, taken);
                }
            } else {
                SimulatedEntry.Action action = action(tokens);
                Line line = rule(tokens);
                written.add(new Written(tokens.command(), sequence, action, line));
                add(sequence, action, line);
            }
        } else if (tokens.nextIs("permit") || tokens.nextIs("deny")) {
            if (negate) {
                removeMatching(tokens);
            } else {
                add(acl.nextSequence(), action(tokens), rule(tokens));
            }
        } else if (tokens.nextIs("counters") || tokens.nextIs("statistics")) {
            tokens.take();
            tokens.expect("per-entry");
            tokens.end();
            acl.countersPerEntry = !negate;
        } else {
            tokens.rewind();
            return false;
        }
        return true;
    }

    private static long sequence(Tokens tokens) throws CliError {
        int at = tokens.position();
        String word = tokens.take();
        long value = word.length() > 10 ? -1 : Long.parseLong(word);
        if (value < 1 || value > AccessList.MAX_SEQUENCE) {
            throw tokens.invalidAt(at);
        }
        return value;
    }

    private void add(long sequence, SimulatedEntry.Action action, Line line) throws CliError {
        Rule rule = line.rule;
        if (sequence > AccessList.MAX_SEQUENCE) {
            throw CliError.invalid("Sequence number out of range");
        }
        if (acl.entry(sequence) != null) {
            throw CliError.invalid("Duplicate sequence number");
        }
        // (looked up only when a line was taken out: the key is a boxed number)
        LiveEntry taken = takenOut.isEmpty() ? null : takenOut.remove(sequence);
        if (taken != null && taken.action() == action && taken.rule.equals(rule)) {
            state.restoreEntry(acl, taken);
            return;
        }
        if (taken != null) {
            state.release(taken);
        }
        state.addEntry(acl, sequence, action, rule, line.plain);
    }

    /** Ends the group change: the lines taken out and not written back free their places. */
    void leave() {
        takenOut.values().forEach(state::release);
        takenOut.clear();
    }

    private void removeMatching(Tokens tokens) throws CliError {
        SimulatedEntry.Action action = action(tokens);
        Rule rule = rule(tokens).rule;
        for (LiveEntry entry : acl.entries()) {
            if (entry.action() == action && entry.rule.equals(rule)) {
                state.removeEntry(acl, entry.sequence());
                return;
            }
        }
    }

    private static SimulatedEntry.Action action(Tokens tokens) throws CliError {
        if (tokens.accept("permit")) {
            return SimulatedEntry.Action.PERMIT;
        }
        if (tokens.accept("deny")) {
            return SimulatedEntry.Action.DENY;
        }
        throw tokens.unexpected();
    }

    /** The rest of the command as a rule of this list's family, or the CLI's error at the bad token. */
    private Line rule(Tokens tokens) throws CliError {
        int offset = tokens.position();
        if (tokens.atEnd()) {
            throw CliError.incomplete();
        }
        String text = tokens.rest();
        try {
            Line line = parsed.computeIfAbsent(text, key -> new Line(Rule.parse(acl.family, text)));
            tokens.consumeAll();
            return line;
        } catch (InvalidRequestException e) {
            throw errorAt(tokens, offset, text, e.getMessage());
        }
    }

    private static CliError errorAt(Tokens tokens, int offset, String text, String message) {
        if (message.startsWith("rule ends where")) {
            return CliError.incomplete();
        }
        Matcher token = RULE_TOKEN.matcher(message);
        if (token.find()) {
            return tokens.invalidAt(offset + Integer.parseInt(token.group(1)) - 1);
        }
        Matcher quoted = QUOTED.matcher(message);
        if (quoted.find()) {
            String[] values = quoted.group(1).split("[\\[\\], ]+");
            String value = values.length == 0 ? "" : values[values.length - 1];
            String[] words = text.split(" ");
            for (int i = 0; i < words.length; i++) {
                if (words[i].equalsIgnoreCase(value)) {
                    return tokens.invalidAt(offset + i);
                }
            }
        }
        return tokens.invalidAt(offset);
    }
}
