package org.dumbno.manager;

import inet.ipaddr.IPAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.dumbno.acl.AclSwitch;
import org.dumbno.rule.RequestFilter;

/** Everything an engine is built with, checked. */
record Settings(AclSwitch eos, Set<IPAddress> twoTupleHosts, long seqMin, long seqMax, int maxRules,
        Duration purgeInterval, Duration hardTimeout, Duration maxRequestAge, int queueLimit, int batchLimit,
        Duration retryInitial, Duration retryMax, Clock clock, RequestFilter filter,
        boolean checkLayout, boolean repairLayout, SequenceAllocation allocation, WhenFull whenFull) {

    Settings {
        Objects.requireNonNull(eos, "a switch (AclSwitch, or transport and ports) is required");
        twoTupleHosts = Set.copyOf(twoTupleHosts);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(allocation, "sequence allocation");
        Objects.requireNonNull(whenFull, "when full");
        positive("purge interval", purgeInterval);
        positive("max request age", maxRequestAge);
        positive("retry backoff", retryInitial);
        positive("retry backoff limit", retryMax);
        if (hardTimeout.isNegative()) {
            throw new IllegalArgumentException("hard timeout (" + hardTimeout + ") must not be negative");
        }
        if (maxRules < 0) {
            throw new IllegalArgumentException("max_rules (" + maxRules + ") must be 0 (none) or more");
        }
        if (queueLimit < 1 || batchLimit < 1) {
            throw new IllegalArgumentException("queue limit (" + queueLimit + ") and batch limit ("
                    + batchLimit + ") must be at least 1");
        }
        new SequenceNumbers(seqMin, seqMax);
    }

    /** These settings with what a configuration read again may change. */
    Settings with(Duration newPurgeInterval, Duration newHardTimeout, int newMaxRules, WhenFull newWhenFull) {
        return new Settings(eos, twoTupleHosts, seqMin, seqMax, newMaxRules, newPurgeInterval, newHardTimeout,
                maxRequestAge, queueLimit, batchLimit, retryInitial, retryMax, clock, filter, checkLayout, repairLayout,
                allocation, newWhenFull);
    }

    private static void positive(String what, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " (" + value + ") must be positive");
        }
    }
}
