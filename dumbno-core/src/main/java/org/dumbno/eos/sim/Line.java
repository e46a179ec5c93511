package org.dumbno.eos.sim;

import org.dumbno.rule.Rule;

/**
 * A rule read in one call, with the line EOS shows for it under each action, built once for all the
 * lists the call writes it into: they share the text.
 */
final class Line {
    final Rule rule;
    private String permit;
    private String deny;

    Line(Rule rule) {
        this.rule = rule;
    }

    /** {@code ACTION RULE} as EOS stores it. */
    String text(SimulatedEntry.Action action) {
        if (action == SimulatedEntry.Action.PERMIT) {
            if (permit == null) {
                permit = action.keyword() + " " + rule.canonicalText();
            }
            return permit;
        }
        if (deny == null) {
            deny = action.keyword() + " " + rule.canonicalText();
        }
        return deny;
    }
}
