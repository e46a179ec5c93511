package org.dumbno.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import java.util.Locale;
import org.dumbno.manager.RemovalReason;
import org.dumbno.manager.ShuntListener;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * Counts what the engine reports: shunts written ({@code dumbno_rule_installs_total}), removed by
 * reason ({@code dumbno_rule_removals_total}) and requests it refused
 * ({@code dumbno_rule_failures_total}). A rule found already on the switch is neither.
 */
final class ShuntCounters implements ShuntListener {
    private final Counter installs;
    private final Counter removals;
    private final Counter failures;

    ShuntCounters(Counter installs, Counter removals, Counter failures) {
        this.installs = installs;
        this.removals = removals;
        this.failures = failures;
        for (RemovalReason reason : RemovalReason.values()) {
            removals.labelValues(label(reason));
        }
    }

    static String label(RemovalReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void added(Rule rule, long sequence) {
        installs.inc();
    }

    @Override
    public void removed(Rule rule, long sequence, RemovalReason reason) {
        removals.labelValues(label(reason)).inc();
    }

    @Override
    public void failed(Request request, String reason) {
        failures.inc();
    }
}
