package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.dumbno.eos.SwitchException;
import org.dumbno.eos.Transport;
import org.dumbno.manager.ACLManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A switch call throws an {@link Error} (not an exception): the loop that made it logs it, naming
 * itself, and keeps running: the purge loop sweeps again on its next round, the write lane refuses
 * the batch it was writing and answers the next request.
 */
@Timeout(10)
class LoopErrorTest {
    private static final Duration PURGE = ACLManager.Builder.DEFAULT_PURGE_INTERVAL;

    private final Rig rig = new Rig();
    private final LogCapture log = LogCapture.of("dumbno");
    private final Throwing transport = new Throwing(rig.recorder);
    private ACLManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
        log.close();
    }

    @Test
    void thePurgeLoopThatMeetsAnErrorSweepsOnTheNextRound() throws Exception {
        manager = rig.manager(transport, b -> b);
        manager.start();
        transport.throwOn(commands -> commands.stream().anyMatch(c -> c.startsWith("show ")), 1);

        rig.scheduler.advance(PURGE);

        assertEquals(1, transport.thrown());
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
        transport.throwOn(commands -> commands.contains("configure"), 1);

        Asked first = Asked.ask(manager, Asked.ipv4(0, 1)).get(0);
        rig.scheduler.runDue();

        assertEquals(1, transport.thrown());
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

    /** Passes calls on, except that it throws an {@link Error} on the next matching ones. */
    private static final class Throwing implements Transport {
        private final Transport target;
        private final AtomicInteger left = new AtomicInteger();
        private final AtomicInteger thrown = new AtomicInteger();
        private volatile Predicate<List<String>> which = commands -> false;

        Throwing(Transport target) {
            this.target = target;
        }

        void throwOn(Predicate<List<String>> commands, int times) {
            which = commands;
            left.set(times);
        }

        int thrown() {
            return thrown.get();
        }

        private void maybeThrow(List<String> commands) {
            if (which.test(commands) && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                thrown.incrementAndGet();
                throw new InternalError("simulated fault");
            }
        }

        @Override
        public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
            maybeThrow(commands);
            return target.runCmds(commands, format);
        }

        @Override
        public <T> List<T> runCmds(List<String> commands, ResultDecoder<T> decoder) throws SwitchException {
            maybeThrow(commands);
            return target.runCmds(commands, decoder);
        }

        @Override
        public String describe() {
            return target.describe();
        }

        @Override
        public void close() {
        }
    }
}
