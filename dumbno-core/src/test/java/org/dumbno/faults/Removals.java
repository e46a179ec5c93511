package org.dumbno.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dumbno.acl.AclKey;
import org.dumbno.manager.RemovalReason;
import org.dumbno.manager.ShuntListener;
import org.dumbno.rule.Rule;

/** Hears removals by reason, layout repairs and skipped judgements, as the metrics count them. */
final class Removals implements ShuntListener {
    private final Map<RemovalReason, Integer> byReason = new ConcurrentHashMap<>();
    private final List<String> repairs = new CopyOnWriteArrayList<>();
    private final Map<AclKey, Integer> skipped = new ConcurrentHashMap<>();

    @Override
    public void removed(Rule rule, long sequence, RemovalReason reason) {
        byReason.merge(reason, 1, Integer::sum);
    }

    @Override
    public void layoutRepaired(String change) {
        repairs.add(change);
    }

    @Override
    public void expirySkipped(AclKey acl, int entries, String reason) {
        skipped.merge(acl, entries, Integer::sum);
    }

    int count(RemovalReason reason) {
        return byReason.getOrDefault(reason, 0);
    }

    List<String> repairs() {
        return List.copyOf(repairs);
    }

    int skipped() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
