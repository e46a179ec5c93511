package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dumbno.acl.AclSwitch;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code backend = dummy} with an empty {@code [ports]}: no lists, every request accepted, nothing kept. */
@Timeout(10)
class NoListsTest {
    private final Harness h = new Harness();

    @Test
    void requestsAreAcceptedWithoutUsingUpNumbers() throws Exception {
        h.start(b -> b.aclSwitch(AclSwitch.dummy(List.of())).sequenceRange(500, 504));

        for (int port = 1; port <= 5; port++) {
            assertEquals("ok", WireReply.of(h.shunt(Request.of("10.0.0.1", null, "tcp", null, port))));
        }
        assertEquals("ok", WireReply.of(h.shunt(Request.of("10.0.0.1", null, "tcp", null, 1))));

        assertEquals(List.of(), h.manager.active());
        assertEquals(0, h.manager.purge().examined());
    }
}
