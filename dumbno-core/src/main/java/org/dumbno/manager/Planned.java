package org.dumbno.manager;

import java.util.List;
import org.dumbno.acl.EntryWrite;

/**
 * One rule of a batch with the lines that will put it where it is missing.
 *
 * @param pending the rule and its requests
 * @param sequence its number
 * @param freshNumber whether the number was allocated for this batch
 * @param newRule whether no list had the rule before this batch
 * @param writes its lines, one per list that lacks it
 */
record Planned(PendingRule pending, long sequence, boolean freshNumber, boolean newRule, List<EntryWrite> writes) {
    Planned {
        writes = List.copyOf(writes);
    }
}
