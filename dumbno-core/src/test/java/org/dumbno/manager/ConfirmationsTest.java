package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;

/** What the engine remembers of the rules asked for again: no longer than a purge interval. */
class ConfirmationsTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private static void askAgain(Confirmations confirmations, String host, Instant at) {
        Request request = Request.of(host, null, null, null, null);
        confirmations.add(Rule.parse("ip host " + host + " any"),
                new PendingRule.Waiter(request, new CompletableFuture<>(), at), INTERVAL);
    }

    @Test
    void aRuleAskedForAgainIsForgottenOnceAPurgeIntervalHasPassedThoughNothingWasEvicted() {
        Confirmations confirmations = new Confirmations();
        askAgain(confirmations, "10.0.0.1", START);
        askAgain(confirmations, "10.0.0.2", START.plus(INTERVAL));
        askAgain(confirmations, "10.0.0.3", START.plus(INTERVAL.multipliedBy(2)));

        assertFalse(confirmations.askedAfter(Rule.parse("ip host 10.0.0.1 any"), START.minusSeconds(1)),
                "asked two intervals before the last request: no longer kept");
        assertFalse(confirmations.askedAfter(Rule.parse("ip host 10.0.0.2 any"), START),
                "asked one interval before the last request: no longer kept");
        assertTrue(confirmations.askedAfter(Rule.parse("ip host 10.0.0.3 any"), START.plus(INTERVAL)));
    }
}
