package org.dumbno.eos;

import java.util.List;

/**
 * What {@link EosSwitch#setup()} changed on the switch, one line per change, in the order the
 * commands ran; empty when everything was already in place.
 *
 * @param changes human-readable descriptions, e.g. {@code created ip access-list bulk_1}
 */
public record SetupReport(List<String> changes) {

    public SetupReport {
        changes = List.copyOf(changes);
    }

    /** Whether setup changed anything. */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
