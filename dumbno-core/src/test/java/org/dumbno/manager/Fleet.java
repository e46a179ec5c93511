package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;

/**
 * Several simulated switches, each with ports and ACL names of its own, set up, each with its own
 * engine, and {@link EverySwitch} over them; one manual clock and scheduler drive them all, so
 * nothing happens until the test runs the scheduler.
 */
final class Fleet {
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration WATCH = Duration.ofMillis(100);
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final List<String> names;
    final List<SimulatedSwitch> sims = new ArrayList<>();
    final List<EosSwitch> eos = new ArrayList<>();
    final List<ACLManager> managers = new ArrayList<>();
    EverySwitch every;

    /** Switches named {@code names}; switch i has Ethernet1 on list {@code acl_i}. */
    Fleet(String... names) {
        this.names = List.of(names);
        for (int i = 0; i < names.length; i++) {
            SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").clock(clock)
                    .hostname(names[i]).build();
            EosSwitch one = EosSwitch.of(sim, Map.of("Ethernet1", acl(i)));
            try {
                one.setup();
            } catch (SwitchException e) {
                throw new AssertionError(e);
            }
            sims.add(sim);
            eos.add(one);
        }
    }

    static String acl(int i) {
        return "acl_" + i;
    }

    /** Builds every engine, changed by {@code settings}, and starts those of switches that answer. */
    Fleet start(UnaryOperator<ACLManager.Builder> settings) {
        List<EverySwitch.Member> members = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ACLManager manager = settings.apply(ACLManager.builder().aclSwitch(eos.get(i)).clock(clock)
                    .scheduler(scheduler).purgeInterval(INTERVAL)
                    .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8))).build();
            managers.add(manager);
            members.add(new EverySwitch.Member(names.get(i), manager));
            try {
                manager.start();
            } catch (SwitchException e) {
                manager.startFailed(e);
            }
        }
        every = EverySwitch.of(members, scheduler, WATCH);
        return this;
    }

    Fleet start() {
        return start(b -> b);
    }

    /** Asks every switch and lets the engines run what is due now. */
    CompletableFuture<ShuntOutcome> add(Request request) {
        CompletableFuture<ShuntOutcome> reply = every.add(request);
        scheduler.runDue();
        return reply;
    }

    /** The reply so far, null while it waits. */
    static String reply(CompletableFuture<ShuntOutcome> outcome) {
        ShuntOutcome done = outcome.getNow(null);
        return done == null ? null : WireReply.of(done);
    }

    /** The deny lines of switch {@code i}, as "SEQ RULE". */
    List<String> denies(int i) {
        return sims.get(i).entries(acl(i), Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .map(e -> e.sequence() + " " + e.text().replaceFirst("^deny ", "")).toList();
    }

    /** Writes a deny line on switch {@code i} by hand. */
    void writeByHand(int i, long sequence, String rule) throws SwitchException {
        sims.get(i).runCmds(List.of("enable", "configure", "ip access-list " + acl(i), sequence + " deny " + rule));
    }
}
