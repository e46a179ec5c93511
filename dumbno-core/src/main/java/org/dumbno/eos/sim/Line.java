package org.dumbno.eos.sim;

import org.dumbno.rule.Rule;

/**
 * A rule read in one call, shared by the entries of every list the call writes it into, with
 * whether the line EOS shows for it goes into JSON as it is, judged once for all those entries.
 */
final class Line {
    final Rule rule;
    /** Whether the rule's canonical text, and so {@code ACTION RULE}, is {@linkplain JsonBuffer#isPlain plain}. */
    final boolean plain;

    Line(Rule rule) {
        this.rule = rule;
        this.plain = JsonBuffer.isPlain(rule.canonicalText());
    }
}
