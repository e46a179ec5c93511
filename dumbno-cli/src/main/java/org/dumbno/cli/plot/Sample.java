package org.dumbno.cli.plot;

import java.time.Instant;
import java.util.Objects;

/**
 * One interval of {@code dumbno stats} output: the bandwidth in Mbit/s into the ingress ports, out of
 * the egress ports, and filtered (their difference), at a point in time.
 *
 * @param time when the interval was reported; for logs without timestamps, the epoch plus the
 *     sample's offset from the first one
 * @param inMbps ingress Mbit/s
 * @param outMbps egress Mbit/s
 * @param filteredMbps filtered Mbit/s
 */
public record Sample(Instant time, double inMbps, double outMbps, double filteredMbps) {
    public Sample {
        Objects.requireNonNull(time, "time");
        requireFinite("in", inMbps);
        requireFinite("out", outMbps);
        requireFinite("filtered", filteredMbps);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " (" + value + ") must be a finite number");
        }
    }
}
