package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dumbno.rule.Request;
import org.junit.jupiter.api.Test;

class RequestQueueTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RequestQueue queue = new RequestQueue(3);

    private boolean offer(String src, Instant at) {
        Request request = Request.of(src, null, null, null, null);
        return queue.offer(request, request.toRule(), new CompletableFuture<>(), at);
    }

    @Test
    void equalRulesShareOneEntryAndTheLimitCountsRequests() {
        assertTrue(offer("10.0.0.1", T0));
        assertTrue(offer("10.0.0.1", T0));
        assertTrue(offer("10.0.0.2", T0));

        assertFalse(offer("10.0.0.3", T0));
        assertEquals(2, queue.ruleCount());
        assertEquals(3, queue.requestCount());
    }

    @Test
    void takeIsOldestFirstAndRequeuedRulesGoBackInFront() {
        offer("10.0.0.1", T0);
        offer("10.0.0.2", T0);
        List<PendingRule> first = queue.take(1);
        offer("10.0.0.3", T0);

        queue.requeueFront(first);

        assertEquals(List.of("ip host 10.0.0.1 any", "ip host 10.0.0.2 any", "ip host 10.0.0.3 any"),
                queue.take(10).stream().map(p -> p.rule.text()).toList());
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.requestCount());
    }

    @Test
    void expireTakesOutOnlyOldRequests() {
        offer("10.0.0.1", T0);
        offer("10.0.0.2", T0.plusSeconds(60));

        List<PendingRule.Waiter> expired = queue.expire(T0.plusSeconds(30));

        assertEquals(1, expired.size());
        assertEquals(1, queue.ruleCount());
        assertEquals(1, queue.requestCount());
    }
}
