package org.dumbno.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;

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
