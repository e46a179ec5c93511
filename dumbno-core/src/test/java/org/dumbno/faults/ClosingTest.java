package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.manager.ACLManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A switch that answers every read and fails every write (HTTP 500 on {@code configure}): the
 * engine backs off between tries, and closing it answers every waiting request at once, after at
 * most one more try, instead of reading and writing again and again until the switch heals.
 */
/* A closing engine that spins never returns: the test must fail on its own thread's timeout. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClosingTest {
    private final Rig rig = new Rig();
    private final Intercepting transport = new Intercepting(rig.recorder);
    private volatile boolean failing = true;

    ClosingTest() {
        transport.check(this::failWrites);
    }

    @Test
    void triesBackOffWhileReadsSucceedAndWritesFail() throws Exception {
        ACLManager manager = rig.manager(transport, b -> b);
        manager.start();
        List<Asked> asked = Asked.ask(manager, Asked.ipv4(0, 5));
        rig.scheduler.runDue();
        int before = transport.calls();

        rig.scheduler.advance(Rig.RETRY_MAX.multipliedBy(4));

        int calls = transport.calls() - before;
        assertTrue(calls <= 2 * 7, calls + " calls in 32 s: a read and a write after 1, 2, 4, 8, 8, 8 and 8 s at most");
        assertEquals(Collections.nCopies(5, null), Asked.replies(asked));
        manager.close();
    }

    @Test
    void closingAnswersEveryWaitingRequestAfterOneMoreTryAtMost() throws Exception {
        ACLManager manager = rig.manager(transport, b -> b);
        manager.start();
        failing = false;
        Asked.ask(manager, Asked.ipv4(100, 1));
        rig.scheduler.runDue();
        failing = true;
        List<Asked> asked = Asked.ask(manager, Asked.ipv4(0, 5));
        int before = transport.calls();

        manager.close();

        assertTrue(transport.calls() - before <= 2, (transport.calls() - before) + " calls while closing");
        assertEquals(Collections.nCopies(5, "error: dumbno is shutting down"), Asked.replies(asked));
        rig.scheduler.advance(Duration.ofMinutes(1));
        assertTrue(transport.calls() - before <= 2, "and none after");
    }

    /** Fails every call that configures with HTTP 500, while {@link #failing}. */
    private void failWrites(List<String> commands) throws SwitchException {
        if (failing && commands.contains("configure")) {
            throw new SwitchUnavailableException(transport.describe(), "HTTP 500 Internal Server Error", null);
        }
    }
}
