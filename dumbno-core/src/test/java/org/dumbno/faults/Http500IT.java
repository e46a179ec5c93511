package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
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
import org.dumbno.rule.Rule;
import org.dumbno.testing.Closer;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine talks eAPI over real HTTP on loopback to the simulated switch, which answers a run of
 * calls with HTTP 500: requests wait, the engine retries with backoff (driven by the manual
 * scheduler), reads the switch again and writes everything once the switch answers.
 */
@Timeout(30)
class Http500IT {
    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno", "org.dumbno.eos.eapi.CommandApiHandler");
    @RegisterExtension
    final Closer closer = new Closer();
    private EapiServer server;
    private EapiTransport transport;
    private ACLManager manager;

    @Test
    void aRunOfHttp500sDelaysTheBurstAndLosesNothing() throws Exception {
        server = closer.add(Eapi.serve(rig.recorder));
        transport = closer.add(Eapi.client(server, Duration.ofSeconds(10)));
        manager = closer.add(rig.manager(transport, b -> b));
        manager.start();
        List<Asked> before = Asked.ask(manager, Asked.ipv4(0, 5));
        rig.scheduler.runDue();
        assertEquals(Collections.nCopies(5, "ok"), Asked.replies(before));

        rig.sim.failNextCalls(3);
        long calls = rig.sim.calls();
        List<Asked> during = Asked.ask(manager, Asked.ipv4(100, 5));
        during.addAll(Asked.ask(manager, Asked.ipv6(0, 2)));
        rig.scheduler.runDue();
        rig.scheduler.advance(Duration.ofSeconds(1 + 2));

        assertEquals(Collections.nCopies(7, null), Asked.replies(during), "still waiting after two retries");
        assertEquals(3, rig.sim.calls() - calls, "the write, then reads after 1 s and 2 s, all answered 500");

        rig.scheduler.advance(Duration.ofSeconds(4));

        assertEquals(Collections.nCopies(7, "ok"), Asked.replies(during));
        assertEquals(5, rig.sim.calls() - calls, "then one read and one write");
        Set<Rule> acknowledged = new HashSet<>(Asked.acknowledged(before));
        acknowledged.addAll(Asked.acknowledged(during));
        assertHoldsExactly(rig.sim, rig.recorder, acknowledged);
        assertEquals(2 * acknowledged.size(), rig.recorder.applied().size(), "each line written once");
        assertEquals(2 * acknowledged.size() + 2 * during.size(), rig.recorder.received().size(),
                "and sent once more in the write answered 500");

        String name = transport.describe();
        assertEquals(3, log.count(Level.INFO, "eAPI call answered with HTTP 500"));
        log.line(Level.WARN, "switch " + name + " unreachable, requests wait up to PT5M", "HTTP 500");
        log.line(Level.INFO, "switch " + name + " reachable again");

        Asked after = Asked.ask(manager, Asked.ipv4(200, 1)).get(0);
        rig.scheduler.runDue();
        assertEquals("ok", after.reply());
        acknowledged.add(after.rule());
        assertHoldsExactly(rig.sim, rig.recorder, acknowledged);
    }
}
