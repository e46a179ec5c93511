package org.dumbno.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to. */
public final class ManualClock extends Clock {
    /** Where a clock made without a start begins. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-25T09:00:00Z");

    private volatile Instant now;

    public ManualClock() {
        this(DEFAULT_START);
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    public static ManualClock atEpochSecond(long seconds) {
        return new ManualClock(Instant.ofEpochSecond(seconds));
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
