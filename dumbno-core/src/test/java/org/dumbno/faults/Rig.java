package org.dumbno.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Flow;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;

/**
 * A simulated switch with two ingress ports on two ACL names, set up, watched by a
 * {@link SwitchRecorder}, and a manual clock and scheduler for the engines the tests build on it:
 * nothing moves until the test runs the scheduler.
 */
final class Rig {
    static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2");
    static final List<String> ACLS = List.of("bulk_1", "bulk_2");
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    static final Duration RETRY_MAX = Duration.ofSeconds(8);

    final ManualClock clock;
    final ManualScheduler scheduler;
    final SimulatedSwitch sim;
    final SwitchRecorder recorder;

    Rig() {
        this(b -> b);
    }

    /** A rig whose switch is built with the defaults changed by {@code settings}. */
    Rig(UnaryOperator<SimulatedSwitch.Builder> settings) {
        this(new ManualClock(START), settings);
    }

    /** A rig on {@code clock} and a scheduler of its own; {@link #alongside} makes more on the same. */
    private Rig(ManualClock clock, UnaryOperator<SimulatedSwitch.Builder> settings) {
        this(clock, new ManualScheduler(clock), settings);
    }

    private Rig(ManualClock clock, ManualScheduler scheduler, UnaryOperator<SimulatedSwitch.Builder> settings) {
        this.clock = clock;
        this.scheduler = scheduler;
        sim = settings.apply(SimulatedSwitch.builder().interfaces("Ethernet1-2").clock(clock)).build();
        recorder = new SwitchRecorder(sim);
        try {
            EosSwitch.of(recorder, PORTS).setup();
        } catch (SwitchException e) {
            throw new AssertionError(e);
        }
    }

    /** Another switch, named {@code hostname}, driven by this rig's clock and scheduler. */
    Rig alongside(String hostname) {
        return new Rig(clock, scheduler, b -> b.hostname(hostname));
    }

    /** An engine on {@code transport} with the rig's clock, scheduler and backoff, changed by {@code settings}. */
    ACLManager manager(Transport transport, UnaryOperator<ACLManager.Builder> settings) {
        return settings.apply(ACLManager.builder().aclSwitch(EosSwitch.of(transport, PORTS)).clock(clock).scheduler(scheduler)
                .retryBackoff(RETRY_FIRST, RETRY_MAX)).build();
    }

    /** A started engine talking straight to the recorded switch. */
    ACLManager start(UnaryOperator<ACLManager.Builder> settings) throws SwitchException {
        ACLManager manager = manager(recorder, settings);
        manager.start();
        return manager;
    }

    /** Sends {@code packets} packets of {@code flow} in through a port, traffic a shunt would count. */
    void traffic(String iface, Flow flow, long packets) {
        sim.send(iface, flow, packets, packets * 100);
    }
}
