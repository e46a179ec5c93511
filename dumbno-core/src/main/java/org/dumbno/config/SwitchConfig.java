package org.dumbno.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dumbno.manager.EverySwitch;

/**
 * One switch dumbno keeps shunts on: the first comes from {@code [switch]}, {@code [ports]} and
 * {@code [egress_ports]}; each more from {@code [switch NAME]}, {@code [ports NAME]} and
 * {@code [egress_ports NAME]}.
 *
 * @param name        how replies, logs and the metrics label {@code switch} call it: NAME, or for
 *                    the first switch {@code [switch] name} ({@value #DEFAULT_NAME} when unset)
 * @param settings    how to reach it
 * @param ports       ingress interface to ACL name, in file order
 * @param egressPorts tool-facing interface to label, in file order
 * @param simulated   the simulated switch served for it with {@code backend = simulated}
 */
public record SwitchConfig(
        String name,
        SwitchSettings settings,
        Map<String, String> ports,
        Map<String, String> egressPorts,
        SimulatedSettings simulated) {

    /** The name of the first switch when {@code [switch]} does not set one. */
    public static final String DEFAULT_NAME = EverySwitch.DEFAULT_NAME;

    /** Checks the name and takes unmodifiable, order-keeping copies of the tables. */
    public SwitchConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(simulated, "simulated");
        if (!isName(name)) {
            throw new ConfigException("\"" + name + "\" is not a switch name (" + EverySwitch.NAME_RULE + ")");
        }
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        egressPorts = Collections.unmodifiableMap(new LinkedHashMap<>(egressPorts));
    }

    /** Whether {@code name} may name a switch: {@value EverySwitch#NAME_RULE}. */
    public static boolean isName(String name) {
        return EverySwitch.isName(name);
    }

    /** The backend this switch is reached through. */
    public Backend backend() {
        return settings.backend();
    }

    /** The distinct ACL names in its ports, in the order they first appear. */
    public Set<String> aclNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(ports.values()));
    }
}
