package org.dumbno.manager;

import java.util.List;
import org.dumbno.eos.EntryWrite;

/**
 * One rule of a batch with the lines that will put it where it is missing.
 *
 * @param pending the rule and its requests
 * @param sequence its number
 * @param isNew whether the number was allocated for this batch
 * @param writes its lines, one per list that lacks it
 */
record Planned(PendingRule pending, long sequence, boolean isNew, List<EntryWrite> writes) {
    Planned {
        writes = List.copyOf(writes);
    }
}
