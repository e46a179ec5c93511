package org.dumbno.manager;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.dumbno.acl.AclKey;

/**
 * What one expiry sweep did.
 *
 * @param examined managed lines read (the deny lines in the managed range)
 * @param removed the lines removed, idle or timed out
 * @param vanished lines that had left the switch without dumbno removing them
 */
public record PurgeReport(int examined, List<Removal> removed, int vanished) {

    public PurgeReport {
        removed = List.copyOf(removed);
    }

    /**
     * One removed line.
     *
     * @param acl its list
     * @param sequence its number
     * @param rule its rule text
     * @param matches its last packet count
     * @param age how long it had been on the switch
     * @param reason why it went
     */
    public record Removal(AclKey acl, long sequence, String rule, long matches, Duration age,
            RemovalReason reason) {
        public Removal {
            Objects.requireNonNull(acl, "acl");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(age, "age");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
