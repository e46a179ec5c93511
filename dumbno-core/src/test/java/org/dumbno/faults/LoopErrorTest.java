package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.ShuntListener;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.rule.Rule;
import org.dumbno.server.WireReply;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A switch call throws an {@link Error} (not an exception): the loop that made it logs it, naming
 * itself, and keeps running: the purge loop sweeps again on its next round, the write lane refuses
 * the batch it was writing and answers the next request.
 */
@Timeout(10)
class LoopErrorTest {
    private static final Duration PURGE = ACLManager.Builder.DEFAULT_PURGE_INTERVAL;

    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno", "org.dumbno.manager");
    private final Intercepting transport = new Intercepting(rig.recorder);
    private final AtomicInteger thrown = new AtomicInteger();
    private ACLManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void thePurgeLoopThatMeetsAnErrorSweepsOnTheNextRound() throws Exception {
        manager = rig.manager(transport, b -> b);
        manager.start();
        throwOn(commands -> commands.stream().anyMatch(c -> c.startsWith("show ")), 1);

        rig.scheduler.advance(PURGE);

        assertEquals(1, thrown.get());
        log.line(Level.ERROR, "purge loop failed", "simulated fault");
        long calls = rig.sim.calls();

        rig.scheduler.advance(PURGE);

        assertTrue(rig.sim.calls() > calls, "the next round read the switch");
        assertEquals(List.of(), manager.stalls());
    }

    @Test
    void theWriteLaneAfterAnErrorStillAnswers() throws Exception {
        manager = rig.manager(transport, b -> b);
        manager.start();
        throwOn(commands -> commands.contains("configure"), 1);

        Asked first = Asked.ask(manager, Asked.ipv4(0, 1)).get(0);
        rig.scheduler.runDue();

        assertEquals(1, thrown.get());
        assertTrue(first.reply().startsWith("error: internal error"), first.reply());
        log.line(Level.ERROR, "write lane failed", "simulated fault");

        Asked second = Asked.ask(manager, Asked.ipv4(1, 1)).get(0);
        rig.scheduler.runDue();
        assertNull(second.reply(), "the lane reads the switch again after the backoff");
        rig.scheduler.advance(Rig.RETRY_FIRST);

        assertEquals("ok", second.reply());
        SwitchAssertions.assertHoldsExactly(rig.sim, rig.recorder, java.util.Set.of(second.rule()));
        assertEquals(List.of(), manager.stalls());
    }

    @Test
    void aRepeatWhoseConfirmingReadsMeetAnErrorIsConfirmedByTheNextRead() throws Exception {
        manager = rig.manager(transport, b -> b);
        manager.start();
        Asked added = Asked.ask(manager, Asked.ipv4(0, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", added.reply());
        throwOn(commands -> commands.get(0).startsWith("show "), 2);

        Asked again = Asked.ask(manager, Asked.ipv4(0, 1)).get(0);
        rig.scheduler.runDue();

        assertEquals(2, thrown.get(), "the read beside the writes, then the write lane's read");
        assertNull(again.reply());
        log.line(Level.ERROR, "confirming read failed", "simulated fault");
        log.line(Level.ERROR, "write lane failed", "simulated fault");
        rig.scheduler.advance(Rig.RETRY_FIRST);

        assertEquals("ok", again.reply(), "the repeat waits for the lane's next read, not forever");
        assertEquals(List.of(), manager.stalls());
    }

    @Test
    void aListenerThatThrowsAnErrorDoesNotJamTheWriteLane() throws Exception {
        manager = rig.manager(transport, b -> b);
        AtomicInteger added = new AtomicInteger();
        manager.addListener(new ShuntListener() {
            @Override
            public void installed(Rule rule, long sequence) {
                if (added.incrementAndGet() == 1) {
                    throw new InternalError("simulated fault in a listener");
                }
            }
        });
        manager.start();

        List<Asked> first = Asked.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        List<Asked> second = Asked.ask(manager, Asked.ipv4(1, 1));
        rig.scheduler.runDue();

        assertEquals(List.of("ok"), Asked.replies(first));
        assertEquals(List.of("ok"), Asked.replies(second), "the lane is free after the listener's Error");
        log.line(Level.ERROR, "shunt listener", "simulated fault in a listener");
    }

    @Test
    void aRemovalThatMeetsAnErrorIsAnsweredAndTheNextOneRemoves() throws Exception {
        manager = rig.manager(transport, b -> b);
        manager.start();
        Asked added = Asked.ask(manager, Asked.ipv4(0, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", added.reply());
        throwOn(commands -> true, 1);

        CompletableFuture<ShuntOutcome> removal = manager.remove(added.request());
        rig.scheduler.runDue();

        assertEquals(1, thrown.get());
        assertTrue(removal.isDone(), "the removal that met the Error is answered");
        String reply = WireReply.of(removal.getNow(null));
        assertTrue(reply.startsWith("error: internal error"), reply);
        log.line(Level.ERROR, "removal of", "failed", "simulated fault");

        CompletableFuture<ShuntOutcome> again = manager.remove(added.request());
        rig.scheduler.runDue();

        assertEquals("ok", WireReply.of(again.getNow(null)));
        SwitchAssertions.assertHoldsExactly(rig.sim, rig.recorder, java.util.Set.of());
    }

    @Test
    void aListenerThatThrowsAnErrorDoesNotSilenceTheOthers() throws Exception {
        manager = rig.manager(transport, b -> b);
        AtomicInteger heard = new AtomicInteger();
        manager.addListener(new ShuntListener() {
            @Override
            public void installed(Rule rule, long sequence) {
                throw new InternalError("simulated fault in a listener");
            }
        });
        manager.addListener(new ShuntListener() {
            @Override
            public void installed(Rule rule, long sequence) {
                heard.incrementAndGet();
            }
        });
        manager.start();

        List<Asked> asked = Asked.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();

        assertEquals(List.of("ok"), Asked.replies(asked));
        assertEquals(1, heard.get(), "the listener after the one that threw heard the add");
        log.line(Level.ERROR, "shunt listener", "simulated fault in a listener");
    }

    /** Makes the transport throw an {@link Error} on the next {@code times} calls that match. */
    private void throwOn(Predicate<List<String>> which, int times) {
        AtomicInteger left = new AtomicInteger(times);
        transport.check(commands -> {
            if (which.test(commands) && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                thrown.incrementAndGet();
                throw new InternalError("simulated fault");
            }
        });
    }
}
