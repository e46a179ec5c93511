package org.dumbno.eos.sim;

import java.util.Locale;
import java.util.Objects;
import org.dumbno.rule.Rule;

/**
 * A snapshot of one entry of a simulated access list, for tests and demonstrations.
 *
 * @param sequence the sequence number
 * @param action permit or deny
 * @param rule the rule, compared structurally
 * @param packets packets counted so far (only with {@code counters per-entry})
 * @param bytes bytes counted so far
 * @param programmed whether the entry made it into the (simulated) TCAM; unprogrammed entries
 *     are in the configuration but never match traffic
 */
public record SimulatedEntry(long sequence, Action action, Rule rule, long packets, long bytes, boolean programmed) {

    /** What an entry does with the packets it matches. */
    public enum Action {
        PERMIT, DENY;

        private final String keyword = name().toLowerCase(Locale.ROOT);

        /** The EOS keyword: {@code permit} or {@code deny}. */
        public String keyword() {
            return keyword;
        }
    }

    public SimulatedEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
        if (sequence < 1 || packets < 0 || bytes < 0) {
            throw new IllegalArgumentException("entry " + sequence + " has negative counters or sequence");
        }
    }

    /** The entry as EOS shows it: {@code deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https}. */
    public String text() {
        return action.keyword() + " " + rule.canonicalText();
    }
}
