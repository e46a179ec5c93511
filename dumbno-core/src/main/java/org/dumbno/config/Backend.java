package org.dumbno.config;

import java.util.Locale;
import java.util.Optional;

/** What dumbno talks to: {@code backend} in {@code [switch]}. */
public enum Backend {
    /** A real Arista switch over eAPI (the default). */
    ARISTA,
    /** An in-process simulated switch with the configured ports, for trying dumbno without hardware. */
    SIMULATED,
    /** A switch that accepts everything and remembers nothing, for exercising the server alone. */
    DUMMY;

    /** The name as written in the configuration file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code arista}, {@code simulated} or {@code dummy}, in any case; empty if none of them. */
    static Optional<Backend> parse(String text) {
        for (Backend backend : values()) {
            if (backend.configName().equalsIgnoreCase(text.trim())) {
                return Optional.of(backend);
            }
        }
        return Optional.empty();
    }
}
