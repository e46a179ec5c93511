package org.dumbno.config;

import java.time.Duration;
import java.util.Set;

/** Reads {@code [simulated]}. */
final class SimulatedSection {
    static final Set<String> KEYS = Set.of("eapi_listen", "user", "password", "latency_ms", "tcam_capacity",
            "traffic");

    private SimulatedSection() {
    }

    static SimulatedSettings read(SectionReader section) {
        SimulatedSettings defaults = SimulatedSettings.defaults();
        return new SimulatedSettings(
                section.field("eapi_listen").map(f -> HostPort.parse(f, f.value()).bindable(f))
                        .orElse(defaults.eapiListen()),
                section.string("user").orElse(defaults.user()),
                section.string("password").map(Secret::of).orElse(defaults.password()),
                section.millis("latency_ms", Duration.ZERO),
                section.whole("tcam_capacity", 0),
                section.field("traffic").map(SimulatedSection::traffic).orElse(defaults.traffic()));
    }

    private static SimulatedSettings.Traffic traffic(Field field) {
        return SimulatedSettings.Traffic.parse(field.value())
                .orElseThrow(() -> field.fail("not none or demo"));
    }
}
