package org.dumbno.bench;

import java.util.Objects;

/**
 * One line of the result table.
 *
 * @param scenario what ran, e.g. {@code burst 10000 @ 20 ms}
 * @param figures what was measured, in words and numbers
 * @param target the target, in words
 * @param met whether the figures meet the target
 */
record Row(String scenario, String figures, String target, boolean met) {
    Row {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(target, "target");
    }

    String verdict() {
        return met ? "met" : "NOT met";
    }
}
