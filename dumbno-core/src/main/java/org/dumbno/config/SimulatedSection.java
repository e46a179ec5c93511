package org.dumbno.config;

import java.time.Duration;
import java.util.Set;

/** Reads {@code [simulated]} or a {@code [simulated NAME]}. */
final class SimulatedSection {
    static final Set<String> KEYS = Set.of("eapi_listen", "user", "password", "latency_ms", "tcam_capacity",
            "traffic");

    private SimulatedSection() {
    }

    /** The section's settings; a key it does not set keeps its value in {@code defaults}. */
    static SimulatedSettings read(SectionReader section, SimulatedSettings defaults) {
        try {
            return settings(section, defaults);
        } catch (ConfigException e) {
            throw e.inSection(SimulatedSettings.SECTION, section.name());
        }
    }

    private static SimulatedSettings settings(SectionReader section, SimulatedSettings defaults) {
        return new SimulatedSettings(
                section.field("eapi_listen").map(f -> HostPort.parse(f, f.value()).bindable(f))
                        .orElse(defaults.eapiListen()),
                section.string("user").orElse(defaults.user()),
                section.string("password").map(Secret::of).orElse(defaults.password()),
                section.millis("latency_ms", defaults.latency()),
                section.whole("tcam_capacity", defaults.tcamCapacity()),
                section.field("traffic").map(SimulatedSection::traffic).orElse(defaults.traffic()));
    }

    private static SimulatedSettings.Traffic traffic(Field field) {
        return SimulatedSettings.Traffic.parse(field.value())
                .orElseThrow(() -> field.fail("not none or demo"));
    }
}
