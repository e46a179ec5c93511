package org.dumbno.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread makes true, checking every millisecond, up to a deadline. */
public final class Await {
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private Await() {
    }

    /** True as soon as {@code condition} holds; false once {@code timeout} has passed without it. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
