package org.dumbno.zeek;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dumbno.manager.RemovedShunt;
import org.dumbno.manager.ShuntListener;
import org.dumbno.rule.Rule;

/**
 * Who in Zeek asked for each shunt, told when it goes. A rule keeps its {@value #PER_RULE} most
 * recent watchers at most, so a flow asked for again and again holds bounded memory.
 */
final class Watchers implements ShuntListener {
    static final int PER_RULE = 64;

    /** One party to tell. */
    interface Watcher {
        void removed(RemovedShunt shunt);
    }

    private final Map<Rule, List<Watcher>> byRule = new HashMap<>();

    /** Adds a watcher of {@code rule}, unless an equal one watches it already. */
    synchronized void watch(Rule rule, Watcher watcher) {
        List<Watcher> watchers = byRule.computeIfAbsent(rule, r -> new ArrayList<>());
        if (watchers.contains(watcher)) {
            return;
        }
        if (watchers.size() >= PER_RULE) {
            watchers.remove(0);
        }
        watchers.add(watcher);
    }

    synchronized void unwatch(Rule rule, Watcher watcher) {
        List<Watcher> watchers = byRule.get(rule);
        if (watchers != null && watchers.remove(watcher) && watchers.isEmpty()) {
            byRule.remove(rule);
        }
    }

    synchronized int size() {
        return byRule.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void removed(RemovedShunt shunt) {
        List<Watcher> watchers;
        synchronized (this) {
            watchers = shunt.rule() == null ? null : byRule.remove(shunt.rule());
        }
        if (watchers != null) {
            watchers.forEach(watcher -> watcher.removed(shunt));
        }
    }
}
