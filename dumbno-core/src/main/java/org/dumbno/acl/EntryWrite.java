package org.dumbno.acl;

import java.util.Objects;
import org.dumbno.rule.Rule;

/**
 * One {@code SEQ deny RULE} line to add to one access list.
 *
 * @param acl the list; its family must be the rule's
 * @param sequence the line's sequence number
 * @param rule what to deny
 */
public record EntryWrite(AclKey acl, long sequence, Rule rule) {

    public EntryWrite {
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(rule, "rule");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence (" + sequence + ") must be positive");
        }
        if (rule.family() != acl.family()) {
            throw new IllegalArgumentException("rule " + rule + " does not belong in " + acl);
        }
    }

    /** The line as the list holds it: {@code SEQ deny RULE}. */
    public String text() {
        return sequence + " deny " + rule.text();
    }
}
