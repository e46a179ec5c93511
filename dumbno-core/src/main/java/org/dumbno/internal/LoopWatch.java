package org.dumbno.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether a loop still makes progress: the loop says when it got through a round; the watch calls
 * it stalled when it has work (it is not idle) and got through none for {@link #STALL_ROUNDS}
 * rounds of its interval. Thread-safe.
 */
public final class LoopWatch {
    /** Rounds without progress after which a loop counts as stalled. */
    public static final int STALL_ROUNDS = 3;

    private final String name;
    private volatile Duration interval;
    private final Clock clock;
    private final BooleanSupplier idle;
    private volatile Instant lastProgress;

    /**
     * @param name the loop as the log and {@code /-/healthy} name it
     * @param interval how often the loop gets through a round when all is well
     * @param idle true while the loop has nothing to do, so not progressing is no stall
     */
    public LoopWatch(String name, Duration interval, Clock clock, BooleanSupplier idle) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.lastProgress = clock.instant();
    }

    /** A watch of a loop that always has work: a periodic loop. */
    public static LoopWatch periodic(String name, Duration interval, Clock clock) {
        return new LoopWatch(name, interval, clock, () -> false);
    }

    /** The loop now goes round every {@code value}. */
    public void interval(Duration value) {
        this.interval = Objects.requireNonNull(value, "interval");
    }

    /** The loop got through a round. */
    public void progressed() {
        lastProgress = clock.instant();
    }

    /** The loop's name. */
    public String name() {
        return name;
    }

    /**
     * Why the loop counts as stalled, as {@code NAME: no progress for …}, or empty while it makes
     * progress or is idle.
     */
    public Optional<String> stall() {
        Instant last = lastProgress;
        Duration since = Duration.between(last, clock.instant());
        if (since.compareTo(interval.multipliedBy(STALL_ROUNDS)) <= 0 || idle.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of(name + ": no progress for " + since.toSeconds() + " s (expected every "
                + Math.max(1, interval.toSeconds()) + " s)");
    }
}
