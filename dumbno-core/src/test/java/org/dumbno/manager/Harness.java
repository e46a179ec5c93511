package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Request;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;

/**
 * A simulated switch with four ingress ports on two ACLs, set up, and an engine driven by a manual
 * clock and scheduler: nothing happens until the test runs the scheduler.
 */
final class Harness {
    static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_1",
            "Ethernet3", "bulk_2", "Ethernet4", "bulk_2");
    static final Duration INTERVAL = Duration.ofSeconds(30);

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-4").clock(clock).build();
    final EosSwitch eos = EosSwitch.of(sim, PORTS);
    ACLManager manager;

    Harness() {
        try {
            eos.setup();
        } catch (SwitchException e) {
            throw new AssertionError(e);
        }
    }

    /** Builds and starts an engine with the harness defaults changed by {@code settings}. */
    Harness start(UnaryOperator<ACLManager.Builder> settings) throws SwitchException {
        manager = newManager(settings);
        manager.start();
        return this;
    }

    Harness start() throws SwitchException {
        return start(b -> b);
    }

    ACLManager newManager(UnaryOperator<ACLManager.Builder> settings) {
        return settings.apply(ACLManager.builder().aclSwitch(eos).clock(clock).scheduler(scheduler)
                .purgeInterval(INTERVAL).retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8))).build();
    }

    /** Adds and lets the engine run; the outcome. */
    ShuntOutcome shunt(Request request) {
        CompletableFuture<ShuntOutcome> future = manager.add(request);
        scheduler.runDue();
        return future.getNow(null);
    }

    ShuntOutcome shunt(String src, String dst) {
        return shunt(Request.of(src, dst, null, null, null));
    }

    /** The deny lines of one list, as "SEQ TEXT". */
    List<String> denies(String acl, Family family) {
        return sim.entries(acl, family).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .map(e -> e.sequence() + " " + e.text()).toList();
    }

    /** Sends packets of a host pair in through an interface. */
    void traffic(String iface, String src, String dst, long packets) {
        sim.send(iface, Flow.of(Protocol.UDP, src, 1000, dst, 2000), packets, packets * 100);
    }

    /** Removes one line by hand. */
    void removeByHand(String acl, Family family, long sequence) throws SwitchException {
        sim.runCmds(List.of("enable", "configure", family.keyword() + " access-list " + acl, "no " + sequence));
    }
}
