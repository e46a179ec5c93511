package org.dumbno.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.config.SwitchConfig;

/**
 * What reading the configuration again changed: the keys that took effect, and those that changed
 * in the file but only take effect at the next start.
 *
 * @param applied keys whose new values are in use, as {@code [section] key}
 * @param needRestart keys or sections that changed but need a restart
 */
public record Reload(List<String> applied, List<String> needRestart) {

    /** Copies the lists. */
    public Reload {
        applied = List.copyOf(applied);
        needRestart = List.copyOf(needRestart);
    }

    /** Compares {@code running} (as started) and {@code read} (the file now); {@code last} as last applied. */
    static Reload between(DumbnoConfig running, DumbnoConfig last, DumbnoConfig read) {
        List<String> applied = new ArrayList<>();
        DumbnoSettings before = last.dumbno();
        DumbnoSettings after = read.dumbno();
        changed(applied, before, after, "allow_clients", DumbnoSettings::allowClients);
        changed(applied, before, after, "never_shunt", DumbnoSettings::neverShunt);
        changed(applied, before, after, "rate_limit", DumbnoSettings::rateLimit);
        changed(applied, before, after, "rate_burst", DumbnoSettings::rateBurst);
        changed(applied, before, after, "secret_file", DumbnoSettings::secretFile);
        changed(applied, before, after, "purge_interval", DumbnoSettings::purgeInterval);
        changed(applied, before, after, "hard_timeout", DumbnoSettings::hardTimeout);
        changed(applied, before, after, "max_rules", DumbnoSettings::maxRules);
        changed(applied, before, after, "when_full", DumbnoSettings::whenFull);
        changed(applied, before, after, "shutdown_timeout", DumbnoSettings::shutdownTimeout);
        if (after.secretFile().isPresent() && !applied.contains("[dumbno] secret_file")) {
            applied.add("[dumbno] secret_file (read again)");
        }

        List<String> restart = new ArrayList<>();
        section(restart, running, read, "[switch]", DumbnoConfig::switchSettings);
        section(restart, running, read, "[ports]", DumbnoConfig::ports);
        section(restart, running, read, "[egress_ports]", DumbnoConfig::egressPorts);
        section(restart, running, read, "[two_tuple_hosts]", DumbnoConfig::twoTupleHosts);
        section(restart, running, read, "[simulated]", DumbnoConfig::simulated);
        section(restart, running, read, "[switch] name", config -> config.firstSwitch().name());
        namedSwitches(restart, running, read);
        section(restart, running, read, "[zeek]", DumbnoConfig::zeek);
        DumbnoSettings started = running.dumbno();
        changed(restart, started, after, "listen", DumbnoSettings::listen);
        changed(restart, started, after, "seq_min", DumbnoSettings::seqMin);
        changed(restart, started, after, "seq_max", DumbnoSettings::seqMax);
        changed(restart, started, after, "metrics_listen", DumbnoSettings::metricsListen);
        changed(restart, started, after, "max_request_age", DumbnoSettings::maxRequestAge);
        changed(restart, started, after, "queue_limit", DumbnoSettings::queueLimit);
        changed(restart, started, after, "syslog", DumbnoSettings::syslog);
        changed(restart, started, after, "repair_layout", DumbnoSettings::repairLayout);
        return new Reload(applied, restart);
    }

    /** The {@code [switch NAME]} switches and their sections added, removed or changed. */
    private static void namedSwitches(List<String> into, DumbnoConfig before, DumbnoConfig after) {
        Map<String, SwitchConfig> was = named(before);
        Map<String, SwitchConfig> is = named(after);
        Set<String> names = new LinkedHashSet<>(was.keySet());
        names.addAll(is.keySet());
        for (String name : names) {
            SwitchConfig old = was.get(name);
            SwitchConfig now = is.get(name);
            if (old == null || now == null) {
                into.add("[switch " + name + "]");
                continue;
            }
            part(into, "[switch " + name + "]", old.settings(), now.settings());
            part(into, "[ports " + name + "]", old.ports(), now.ports());
            part(into, "[egress_ports " + name + "]", old.egressPorts(), now.egressPorts());
            part(into, "[simulated " + name + "]", old.simulated(), now.simulated());
        }
    }

    private static Map<String, SwitchConfig> named(DumbnoConfig config) {
        Map<String, SwitchConfig> named = new LinkedHashMap<>();
        config.switches().subList(1, config.switches().size()).forEach(one -> named.put(one.name(), one));
        return named;
    }

    private static void part(List<String> into, String name, Object before, Object after) {
        if (!before.equals(after)) {
            into.add(name);
        }
    }

    private static <T> void changed(List<String> into, DumbnoSettings before, DumbnoSettings after, String key,
            Function<DumbnoSettings, T> value) {
        if (!Objects.equals(value.apply(before), value.apply(after))) {
            into.add("[dumbno] " + key);
        }
    }

    private static <T> void section(List<String> into, DumbnoConfig before, DumbnoConfig after, String name,
            Function<DumbnoConfig, T> value) {
        if (!Objects.equals(value.apply(before), value.apply(after))) {
            into.add(name);
        }
    }
}
