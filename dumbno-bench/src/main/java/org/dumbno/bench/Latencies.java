package org.dumbno.bench;

import java.util.Arrays;

/** Send-to-reply times in nanoseconds, added from one thread, read once the load is over. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** The {@code q} quantile (0 < q <= 1) in milliseconds, NaN when nothing was recorded. */
    synchronized double quantileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }
}
