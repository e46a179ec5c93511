package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The packet counts one line showed at its first sighting and at the last few sweeps that could
 * trust its list's counters, for the packets per second it matches. A count that went down (the
 * line was written anew) starts the window again. Also holds the line's counts as last read and
 * at the previous sweep, so that a line with no count yet (a burst writes thousands) holds none
 * of these. Guarded by the engine's lock.
 */
final class PacketRate {
    /** Counts kept: the rate spans up to this many less one sweeps. */
    static final int SAMPLES = 4;

    /**
     * The counts and when they were read, oldest first; null until a second count comes. Most
     * lines never see a sweep (a burst writes thousands), so the first count is held in
     * {@link #firstCount} and {@link #firstAt} alone.
     */
    private long[] packets;
    private Instant[] times;
    private long firstCount;
    private Instant firstAt;
    private int held;
    /** The line's packet count as last read. */
    long current;
    /** The line's byte count as last read. */
    long bytes;
    /** The packet count at the previous sweep; -1 until a sweep has seen the line. */
    long baseline = -1;

    PacketRate(long packets, Instant at) {
        current = packets;
        firstCount = packets;
        firstAt = at;
        held = 1;
    }

    /** Notes the count read at {@code at}. */
    void sample(long count, Instant at) {
        if (packets == null && held == 1 && count >= firstCount && !at.isAfter(firstAt)) {
            firstCount = count;
            return;
        }
        if (packets == null) {
            packets = new long[SAMPLES];
            times = new Instant[SAMPLES];
            packets[0] = firstCount;
            times[0] = firstAt;
            firstAt = null;
        }
        if (held > 0 && count < packets[held - 1]) {
            held = 0;
        } else if (held > 0 && !at.isAfter(times[held - 1])) {
            packets[held - 1] = count;
            return;
        }
        if (held == SAMPLES) {
            System.arraycopy(packets, 1, packets, 0, SAMPLES - 1);
            System.arraycopy(times, 1, times, 0, SAMPLES - 1);
            held--;
        }
        packets[held] = count;
        times[held] = at;
        held++;
    }

    /** The counts cannot be trusted (its list's counters are off or stale): the window starts again. */
    void forget() {
        held = 0;
    }

    /** Packets per second between the last two counts; empty before there are two. */
    OptionalDouble lastSweep() {
        return held < 2 ? OptionalDouble.empty() : between(held - 2, held - 1);
    }

    /** Packets per second from the oldest count kept to the last; empty before there are two. */
    OptionalDouble recent() {
        return held < 2 ? OptionalDouble.empty() : between(0, held - 1);
    }

    private OptionalDouble between(int from, int to) {
        double seconds = Duration.between(times[from], times[to]).toNanos() / 1e9;
        return OptionalDouble.of((packets[to] - packets[from]) / seconds);
    }
}
