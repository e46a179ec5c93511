package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.eapi.EapiTransport;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Rule;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A switch answers HTTP 500 with a header that claims 300 MB and sends 4 bytes. The reply is read
 * as far as it came, allocating by what was read, not by what was claimed; the write waits for the
 * switch and is written once it answers, and the sweep is skipped with a clear message; the engine
 * keeps answering.
 */
@Timeout(60)
class LyingReplyIT {
    private static final long CLAIMED = 300L * 1024 * 1024;
    /** Far below the 300 MB (600 MB of characters) an allocation from the header would take. */
    private static final long ALLOCATION_LIMIT = 32L * 1024 * 1024;

    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");
    private final LyingSwitch liar;
    private final EapiTransport lying;
    private final Intercepting transport;
    private ACLManager manager;

    LyingReplyIT() throws Exception {
        liar = new LyingSwitch(500, CLAIMED, "nope");
        lying = EapiTransport.builder().scheme("http").host("127.0.0.1").port(liar.port())
                .user(Eapi.USER).password(Eapi.PASSWORD).timeout(Duration.ofSeconds(10)).build();
        transport = new Intercepting(rig.recorder);
    }

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
        lying.close();
        liar.close();
    }

    @Test
    void theTransportReportsWhatCameAndAllocatesByIt() {
        long allocated = allocatedBy(() -> {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> lying.runCmds(List.of("show version")));
            assertEquals(lying.describe(), e.switchName());
            assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("'nope'"), e.getMessage());
        });
        assertTrue(allocated < ALLOCATION_LIMIT, "allocated " + allocated + " bytes for a 4-byte reply");
    }

    @Test
    void aWriteAnsweredWithTheLieWaitsAndIsWrittenWhenTheSwitchAnswers() throws Exception {
        manager = rig.manager(transport, b -> b);
        manager.start();
        transport.use(lying);
        Asked asked = Asked.ask(manager, Asked.ipv4(0, 1)).get(0);

        long allocated = allocatedBy(rig.scheduler::runDue);

        assertTrue(allocated < ALLOCATION_LIMIT, "allocated " + allocated + " bytes for a 4-byte reply");
        assertEquals(1, liar.calls());
        assertNull(asked.reply(), "waits for the switch");
        log.line(Level.WARN, "switch " + lying.describe() + " unreachable", "HTTP 500", "'nope'");

        transport.use(rig.recorder);
        rig.scheduler.advance(Rig.RETRY_FIRST);

        assertEquals("ok", asked.reply());
        SwitchAssertions.assertHoldsExactly(rig.sim, rig.recorder, java.util.Set.of(asked.rule()));
        Asked later = Asked.ask(manager, Asked.ipv4(1, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", later.reply());
    }

    @Test
    void aSweepReadAnsweredWithTheLieIsSkippedAndTheNextOneRuns() throws Exception {
        manager = rig.manager(transport, b -> b);
        manager.start();
        Asked asked = Asked.ask(manager, Asked.ipv4(0, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", asked.reply());
        transport.use(lying);

        long allocated = allocatedBy(() -> rig.scheduler.advance(ACLManager.Builder.DEFAULT_PURGE_INTERVAL));

        assertTrue(allocated < ALLOCATION_LIMIT, "allocated " + allocated + " bytes for a 4-byte reply");
        assertEquals(1, liar.calls(), "the purge loop read once");
        log.line(Level.WARN, "purge skipped", lying.describe(), "HTTP 500");
        SwitchException e = assertThrows(SwitchUnavailableException.class, manager::purge);
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());

        transport.use(rig.recorder);
        rig.scheduler.advance(ACLManager.Builder.DEFAULT_PURGE_INTERVAL);
        rig.scheduler.advance(ACLManager.Builder.DEFAULT_PURGE_INTERVAL);
        Rule rule = asked.rule();
        assertTrue(manager.active().stream().noneMatch(s -> s.rule().equals(rule)),
                "the idle shunt expired once sweeps could read again");
    }

    /** Bytes the calling thread allocated while running {@code action}. */
    private static long allocatedBy(ThrowingRunnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
