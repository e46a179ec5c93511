package org.dumbno.acl;

import java.util.Objects;

/**
 * A line of one access list, by sequence number.
 *
 * @param acl the list
 * @param sequence the line's sequence number
 */
public record EntryRef(AclKey acl, long sequence) {

    public EntryRef {
        Objects.requireNonNull(acl, "acl");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence (" + sequence + ") must be positive");
        }
    }
}
