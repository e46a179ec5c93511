package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dumbno.config.DumbnoSettings;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The builder's defaults are the configuration's. */
@Timeout(10)
class DefaultsTest {
    private final Harness h = new Harness();

    @Test
    void theQueueHoldsAsManyRequestsAsTheConfigurationDefault() {
        h.manager = h.newManager(b -> b);
        Request request = Request.of("10.0.0.1", null, null, null, null);
        for (int i = 0; i < DumbnoSettings.DEFAULT_QUEUE_LIMIT; i++) {
            h.manager.add(request);
        }

        ShuntOutcome refused = h.manager.add(request).getNow(null);

        assertEquals(100_000, h.manager.queueDepth());
        assertEquals("error: queue full (100000 requests waiting)", WireReply.of(refused));
        assertEquals(DumbnoSettings.DEFAULT_QUEUE_LIMIT, ACLManager.Builder.DEFAULT_QUEUE_LIMIT);
    }
}
