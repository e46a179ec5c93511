package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.dumbno.manager.RemovalReason;
import org.dumbno.manager.ShuntListener;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;

class ShuntCountersTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ShuntListener listener = new DumbnoMetrics(registry).listener();
    private final Request request = Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443);
    private final Rule rule = request.toRule();

    @Test
    void startsAtZeroForEveryReason() {
        Exposition scrape = Exposition.of(registry);

        assertEquals(0, scrape.value("dumbno_rule_installs_total", "switch", "main"));
        assertEquals(0, scrape.value("dumbno_rule_failures_total", "switch", "main"));
        for (String reason : new String[] {"idle", "hard_timeout", "by_hand"}) {
            assertEquals(0, scrape.value("dumbno_rule_removals_total", "switch", "main", "reason", reason), reason);
        }
    }

    @Test
    void countsInstallsRemovalsByReasonAndFailures() {
        listener.installed(rule, 501);
        listener.installed(rule, 503);
        listener.alreadyPresent(rule, 501);
        listener.removed(rule, 501, RemovalReason.IDLE);
        listener.removed(rule, 503, RemovalReason.HARD_TIMEOUT);
        listener.removed(rule, 505, RemovalReason.HARD_TIMEOUT);
        listener.removed(rule, 507, RemovalReason.BY_HAND);
        listener.refused(request, "at capacity (10 active shunts)");

        Exposition scrape = Exposition.of(registry);
        assertEquals(2, scrape.value("dumbno_rule_installs_total", "switch", "main"));
        assertEquals(1, scrape.value("dumbno_rule_removals_total", "switch", "main", "reason", "idle"));
        assertEquals(2, scrape.value("dumbno_rule_removals_total", "switch", "main", "reason", "hard_timeout"));
        assertEquals(1, scrape.value("dumbno_rule_removals_total", "switch", "main", "reason", "by_hand"));
        assertEquals(1, scrape.value("dumbno_rule_failures_total", "switch", "main"));
    }
}
