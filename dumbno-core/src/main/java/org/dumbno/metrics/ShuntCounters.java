package org.dumbno.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import java.util.Locale;
import org.dumbno.acl.AclKey;
import org.dumbno.manager.RemovalReason;
import org.dumbno.manager.ShuntListener;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * Counts what the engine reports: shunts written ({@code dumbno_rule_installs_total}), removed by
 * reason ({@code dumbno_rule_removals_total}) and requests it refused
 * ({@code dumbno_rule_failures_total}), layout repairs ({@code dumbno_layout_repairs_total}) and the
 * lines a sweep could not judge ({@code dumbno_expiry_skipped_total}), each under the label
 * {@code switch} of the one switch whose engine it hears. A rule found already on the switch is
 * neither.
 */
final class ShuntCounters implements ShuntListener {
    private final String switchName;
    private final Counter installs;
    private final Counter removals;
    private final Counter failures;
    private final Counter repairs;
    private final Counter skipped;

    ShuntCounters(String switchName, Counter installs, Counter removals, Counter failures, Counter repairs,
            Counter skipped) {
        this.switchName = switchName;
        this.installs = installs;
        this.removals = removals;
        this.failures = failures;
        this.repairs = repairs;
        this.skipped = skipped;
        installs.labelValues(switchName);
        failures.labelValues(switchName);
        repairs.labelValues(switchName);
        skipped.labelValues(switchName);
        for (RemovalReason reason : RemovalReason.values()) {
            removals.labelValues(switchName, label(reason));
        }
    }

    static String label(RemovalReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void installed(Rule rule, long sequence) {
        installs.labelValues(switchName).inc();
    }

    @Override
    public void removed(Rule rule, long sequence, RemovalReason reason) {
        removals.labelValues(switchName, label(reason)).inc();
    }

    @Override
    public void refused(Request request, String reason) {
        failures.labelValues(switchName).inc();
    }

    @Override
    public void layoutRepaired(String change) {
        repairs.labelValues(switchName).inc();
    }

    @Override
    public void expirySkipped(AclKey acl, int entries, String reason) {
        skipped.labelValues(switchName).inc(entries);
    }
}
