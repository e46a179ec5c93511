package org.dumbno.acl;

import java.util.List;

/**
 * What {@link AclSwitch#setup()} changed on the switch, one line per change, in the order the
 * commands ran; empty when everything was already in place.
 *
 * @param changes human-readable descriptions, e.g. {@code created ip access-list bulk_1}
 * @param warnings what could not be done but need not stop dumbno, e.g. a platform without
 *     {@code hardware access-list update default-result permit}
 */
public record SetupReport(List<String> changes, List<String> warnings) {

    public SetupReport {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    /** A report of changes without warnings. */
    public SetupReport(List<String> changes) {
        this(changes, List.of());
    }

    /** Whether setup changed anything. */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
