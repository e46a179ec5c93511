package org.dumbno.daemon;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.SetupReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.config.SwitchConfig;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One switch of a running daemon: the switch (closing it closes its transport), the simulated switch
 * this process serves for it if any, its engine, what its start-up setup changed, and, when it did
 * not answer at start, the tries to reach it.
 */
final class SwitchPart {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchPart.class);

    final SwitchConfig config;
    final AclSwitch acl;
    private final SimulatedHost hosted;
    final ACLManager manager;
    final AtomicReference<SetupReport> setup = new AtomicReference<>();
    /** Whether the daemon has several switches: conditions and logs then name this one. */
    final boolean named;
    /** The engine's threads, named after the switch, when the daemon has several; else null (its own). */
    private final ScheduledExecutorService scheduler;
    private SwitchArrival arrival;

    SwitchPart(SwitchConfig config, AclSwitch acl, SimulatedHost hosted, ACLManager manager,
            ScheduledExecutorService scheduler) {
        this.config = config;
        this.acl = acl;
        this.hosted = hosted;
        this.manager = manager;
        this.scheduler = scheduler;
        this.named = scheduler != null;
    }

    String name() {
        return config.name();
    }

    /** {@code what}, followed by this switch's name when the daemon has several. */
    String label(String what) {
        return named ? what + " " + name() : what;
    }

    /** How logs call this switch: its address, after its name when the daemon has several. */
    String describe() {
        return named ? name() + " (" + acl.describe() + ")" : acl.describe();
    }

    /** The simulated switch this process serves for it; empty for any other backend. */
    Optional<SimulatedHost> hosted() {
        return Optional.ofNullable(hosted);
    }

    Optional<SimulatedSwitch> simulated() {
        return hosted().map(SimulatedHost::simulated);
    }

    /** A hosted simulated switch starts empty: it is always set up. */
    void setUpHosted() throws SwitchException {
        if (hosted().isPresent()) {
            SetupReport report = acl.setup();
            setup.set(report);
            report.changes().forEach(change -> LOG.debug("setup: {}", change));
            LOG.info("simulated switch {}set up: {} ACLs on {} ingress interfaces ({} changes)",
                    named ? name() + " " : "", acl.acls().size(), config.ports().size(), report.changes().size());
        }
    }

    /**
     * Runs the setup when asked for, then starts the engine; a switch that does not answer is tried
     * again with backoff from {@link #arrive()} on, while requests wait for it.
     */
    void reach(boolean setupFirst, Duration maxRequestAge) throws SwitchException {
        try {
            reachNow(setupFirst);
        } catch (SwitchUnavailableException e) {
            LOG.warn("switch {} unreachable at start ({}): serving anyway; requests wait for it up to {}{}",
                    describe(), e.getMessage(), maxRequestAge, setupFirst ? ", and setup runs when it answers" : "");
            arrival = new SwitchArrival(manager, describe(), () -> reachNow(setupFirst), e, Daemon.ARRIVAL_FIRST,
                    Daemon.ARRIVAL_MAX);
        }
    }

    /** Sets up and starts the engine, the switch named in the logging context when the daemon has several. */
    private void reachNow(boolean setupFirst) throws SwitchException {
        if (!named) {
            setUpAndStart(setupFirst);
            return;
        }
        MDC.put(EverySwitch.LOG_KEY, name());
        try {
            setUpAndStart(setupFirst);
        } finally {
            MDC.remove(EverySwitch.LOG_KEY);
        }
    }

    private void setUpAndStart(boolean setupFirst) throws SwitchException {
        if (setupFirst) {
            SetupReport report = acl.setup();
            setup.set(report);
            report.changes().forEach(change -> LOG.info("setup: {}", change));
            report.warnings().forEach(warning -> LOG.warn("setup: {}", warning));
            if (!report.changed()) {
                LOG.info("setup: nothing to change on {}", describe());
            }
        }
        manager.start();
    }

    /** Starts trying to reach a switch that did not answer at start; nothing when it did. */
    void arrive() {
        if (arrival != null) {
            arrival.begin();
        }
    }

    /** Stops trying to reach the switch. */
    void stopArriving() {
        if (arrival != null) {
            arrival.close();
        }
    }

    /** Ends the engine's threads (close the engine first), then closes the switch and its transport. */
    void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        acl.close();
    }

    /** Why this switch keeps dumbno from being ready: not reached yet, or unreachable now. */
    Optional<String> readiness() {
        if (!manager.started()) {
            return Optional.of(arrival == null ? "not reached yet" : arrival.waiting().orElse("not reached yet"));
        }
        return manager.unreachableSince().map(since -> acl.describe() + " unreachable since " + since);
    }

    /** Why this switch's layout keeps dumbno from being ready. */
    Optional<String> layoutReadiness() {
        return manager.layout().filter(report -> !report.ok()).map(report -> "incomplete: " + report.summary());
    }
}
