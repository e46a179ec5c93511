package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
import static org.dumbno.faults.SwitchAssertions.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.eapi.EapiTransport;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.rule.Rule;
import org.dumbno.testing.Closer;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The switch answers more slowly than the engine's eAPI timeout: the engine gives up on a write
 * that the switch then applies after all. It must read the switch before writing again, find the
 * lines there and answer {@code ok} without writing anything twice under one number.
 */
@Timeout(30)
class SlowSwitchIT {
    /**
     * Far above a warm loopback call (milliseconds, even on a busy machine), short enough to wait
     * out twice: the only real time the test spends.
     */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

    private final GateSleeper sleeper = new GateSleeper();
    private final Rig rig = new Rig(b -> b.sleeper(sleeper));
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");
    @RegisterExtension
    final Closer closer = new Closer();
    private EapiServer server;
    private EapiTransport transport;
    private ACLManager manager;

    @AfterEach
    void close() {
        sleeper.open();
    }

    @Test
    void aWriteThatTimedOutButAppliedIsReadBackNotWrittenAgain() throws Exception {
        server = closer.add(Eapi.serve(rig.recorder));
        Eapi.warmUp(server);
        transport = closer.add(Eapi.client(server, CLIENT_TIMEOUT));
        manager = closer.add(rig.manager(transport, b -> b));
        manager.start();
        List<Asked> before = Asked.ask(manager, Asked.ipv4(0, 3));
        rig.scheduler.runDue();
        assertEquals(Collections.nCopies(3, "ok"), Asked.replies(before));

        rig.sim.latency(Duration.ofMinutes(1));
        List<Asked> slow = Asked.ask(manager, Asked.ipv4(100, 3));
        slow.addAll(Asked.ask(manager, Asked.ipv6(0, 1)));
        rig.scheduler.runDue();
        rig.scheduler.advance(Rig.RETRY_FIRST);

        assertEquals(Collections.nCopies(4, null), Asked.replies(slow), "the write and the first retry timed out");
        await("both calls are held up in the switch", () -> sleeper.waiting() == 2, Duration.ofSeconds(10));
        int written = rig.recorder.applied().size();
        assertEquals(6, written, "the held-up write has not run yet");

        rig.sim.latency(Duration.ZERO);
        sleeper.open();
        await("the held-up write has been applied", () -> rig.recorder.applied().size() == written + 2 * 4,
                Duration.ofSeconds(10));
        await("both held-up calls are done", () -> sleeper.released() == 2, Duration.ofSeconds(10));
        rig.scheduler.advance(Rig.RETRY_FIRST.multipliedBy(2));

        assertEquals(Collections.nCopies(4, "ok"), Asked.replies(slow));
        List<Long> numbers = slow.stream().map(a -> a.outcome().getNow(null).sequence()).toList();
        assertEquals(List.of(507L, 509L, 511L, 513L), numbers, "the numbers of the write that timed out");
        assertEquals(ShuntOutcome.Status.INSTALLED, slow.get(0).outcome().getNow(null).status());
        Set<Rule> acknowledged = new HashSet<>(Asked.acknowledged(before));
        acknowledged.addAll(Asked.acknowledged(slow));
        assertHoldsExactly(rig.sim, rig.recorder, acknowledged);
        assertEquals(2 * acknowledged.size(), rig.recorder.received().size(), "no line sent twice");

        String name = transport.describe();
        log.line(Level.WARN, "switch " + name + " unreachable", "no answer within 2000 ms");
        log.line(Level.INFO, "switch " + name + " reachable again");

        Asked after = Asked.ask(manager, Asked.ipv4(200, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", after.reply());
        assertEquals(515L, after.outcome().getNow(null).sequence());
        acknowledged.add(after.rule());
        assertHoldsExactly(rig.sim, rig.recorder, acknowledged);
    }
}
