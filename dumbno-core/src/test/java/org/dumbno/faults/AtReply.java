package org.dumbno.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * Checks what {@code ok} promises on the switch at the moment each reply is sent: the deny line is
 * in every list of its family, and each of those lists exists, counts per entry, holds the four
 * permits and is bound inbound where {@code [ports]} says. Read from the simulator, never from the
 * engine.
 */
final class AtReply {
    private static final long[] PERMITS = {10, 20, 30, 100001};

    private final SimulatedSwitch sim;
    private final Map<String, String> ports;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger checked = new AtomicInteger();

    AtReply(SimulatedSwitch sim, Map<String, String> ports) {
        this.sim = sim;
        this.ports = ports;
    }

    /** Asks for every request; each {@code ok} is checked against the switch as it is sent. */
    List<Asked> ask(Shunter shunter, Collection<Request> requests) {
        List<Asked> asked = new ArrayList<>();
        for (Request request : requests) {
            CompletableFuture<ShuntOutcome> outcome = shunter.add(request);
            asked.add(new Asked(request, outcome.whenComplete((done, failure) -> {
                if (done != null && done.ok()) {
                    check(done.rule());
                }
            })));
        }
        return asked;
    }

    private void check(Rule rule) {
        checked.incrementAndGet();
        Family family = rule.family();
        for (String acl : new HashSet<>(ports.values())) {
            String list = family.keyword() + " access-list " + acl;
            if (!sim.accessLists(family).contains(acl)) {
                problems.add("ok for " + rule + " while " + list + " did not exist");
                continue;
            }
            if (!sim.countsPerEntry(acl, family)) {
                problems.add("ok for " + rule + " while " + list + " did not count per entry");
            }
            List<SimulatedEntry> entries = sim.entries(acl, family);
            for (long permit : PERMITS) {
                if (entries.stream().noneMatch(e -> e.sequence() == permit && e.action() == SimulatedEntry.Action.PERMIT)) {
                    problems.add("ok for " + rule + " while " + list + " lacked permit " + permit);
                }
            }
            if (entries.stream().noneMatch(e -> e.action() == SimulatedEntry.Action.DENY && e.rule().equals(rule))) {
                problems.add("ok for " + rule + " while " + list + " lacked it");
            }
            ports.forEach((port, name) -> {
                if (name.equals(acl) && !acl.equals(sim.boundAcls(port).get(family))) {
                    problems.add("ok for " + rule + " while " + list + " was not bound on " + port);
                }
            });
        }
    }

    /** What did not hold when an {@code ok} was sent. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many {@code ok} replies were checked. */
    int checked() {
        return checked.get();
    }
}
