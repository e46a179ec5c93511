package org.dumbno.config;

import java.math.BigDecimal;
import java.time.Duration;

/** Seconds as written in the configuration file, both ways. */
final class Durations {
    private Durations() {
    }

    /** {@code 30}, {@code 0.5}: the duration in seconds, without trailing zeros. */
    static String show(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString();
    }
}
