package org.dumbno.fuzz;

import java.util.Objects;
import org.dumbno.rule.Rule;

/**
 * One generated datagram and what the generator expects of it.
 *
 * @param bytes what is sent
 * @param kind how it was made, for the report and for failure messages
 * @param expect the fate the generator predicts
 * @param rule the rule the generator built it for, from its own model; null unless OK or REFUSED
 */
record Datagram(byte[] bytes, String kind, Expect expect, Rule rule) {

    Datagram {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expect, "expect");
        if ((expect == Expect.OK || expect == Expect.REFUSED) != (rule != null)) {
            throw new IllegalArgumentException(kind + ": a rule goes with OK and REFUSED only");
        }
    }
}
