package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dumbno.eos.AclEntry;
import org.dumbno.eos.AclKey;
import org.dumbno.rule.Rule;

/**
 * The engine's picture of the managed lines on the switch: every line in the managed sequence
 * range, per list, and which rule sits under which number. Not thread-safe: the engine guards it.
 */
final class ShuntTable {
    private final List<AclKey> acls;
    private final SequenceAllocator allocator;
    private final Map<AclKey, Map<Long, EntryState>> entries = new HashMap<>();
    private final Map<Long, Integer> linesPerSequence = new HashMap<>();
    private final Map<Rule, Long> sequenceOfRule = new HashMap<>();
    private long readGeneration;

    ShuntTable(List<AclKey> acls, SequenceAllocator allocator) {
        this.acls = List.copyOf(acls);
        this.allocator = allocator;
        acls.forEach(acl -> entries.put(acl, new HashMap<>()));
    }

    /** The number of shunts: sequence numbers with a line in at least one list. */
    int activeCount() {
        return linesPerSequence.size();
    }

    /** Where {@code rule} stands: its number and the lists of its family that lack it. */
    Placement find(Rule rule) {
        Long sequence = sequenceOfRule.get(rule);
        List<AclKey> missing = new ArrayList<>();
        for (AclKey acl : acls) {
            if (acl.family() != rule.family()) {
                continue;
            }
            EntryState entry = sequence == null ? null : entries.get(acl).get(sequence);
            if (entry == null || !rule.equals(entry.rule)) {
                missing.add(acl);
            }
        }
        return new Placement(sequence == null ? 0 : sequence, missing);
    }

    /** Records a line the engine wrote; {@code stored} is its text as the switch will show it. */
    void added(AclKey acl, long sequence, Rule rule, String stored, Instant now) {
        put(new EntryState(acl, sequence, stored, rule, 0, now));
    }

    private void put(EntryState entry) {
        EntryState old = entries.get(entry.acl).put(entry.sequence, entry);
        if (old != null) {
            forget(old);
        }
        linesPerSequence.merge(entry.sequence, 1, Integer::sum);
        allocator.markUsed(entry.sequence);
        if (entry.rule != null) {
            sequenceOfRule.putIfAbsent(entry.rule, entry.sequence);
        }
    }

    /**
     * Drops a line.
     *
     * @return true when it was the number's last line, so the shunt is gone and the number free
     */
    boolean remove(EntryState entry) {
        if (entries.get(entry.acl).remove(entry.sequence, entry)) {
            return forget(entry);
        }
        return false;
    }

    private boolean forget(EntryState entry) {
        int left = linesPerSequence.merge(entry.sequence, -1, Integer::sum);
        if (left > 0) {
            return false;
        }
        linesPerSequence.remove(entry.sequence);
        allocator.release(entry.sequence);
        if (entry.rule != null) {
            sequenceOfRule.remove(entry.rule, entry.sequence);
        }
        return true;
    }

    /**
     * Brings the picture in line with a full read. Lines not seen before are added (a sweep takes
     * their baseline too); lines gone from the switch are dropped and returned.
     *
     * @param sweep when true, lines are judged: idle or past {@code hardTimeout} go into
     *        {@code expired} (a zero timeout means never)
     */
    List<EntryState> reconcile(Map<AclKey, List<AclEntry>> read, Instant now, boolean sweep,
            Duration hardTimeout, List<EntryState> expired) {
        long generation = ++readGeneration;
        for (AclKey acl : acls) {
            Map<Long, EntryState> known = entries.get(acl);
            for (AclEntry line : read.getOrDefault(acl, List.of())) {
                if (!allocator.inRange(line.sequence())) {
                    continue;
                }
                EntryState entry = known.get(line.sequence());
                if (entry == null || !sameLine(entry, line)) {
                    entry = new EntryState(acl, line.sequence(), line.text(), line.rule(), line.packetCount(), now);
                    put(entry);
                }
                entry.seenInRead = generation;
                entry.packets = line.packetCount();
                if (sweep && judge(entry, now, hardTimeout)) {
                    expired.add(entry);
                }
            }
        }
        return dropUnseen(generation);
    }

    private static boolean sameLine(EntryState entry, AclEntry line) {
        if (entry.text.equals(line.text())) {
            return true;
        }
        if (entry.rule != null && entry.rule.equals(line.rule()) && line.isDeny() == entry.text.startsWith("deny ")) {
            entry.text = line.text();
            return true;
        }
        return false;
    }

    /** A sweep's verdict on one line: true when it must go. Takes the new baseline. */
    private static boolean judge(EntryState entry, Instant now, Duration hardTimeout) {
        entry.removing = null;
        if (!hardTimeout.isZero() && !now.isBefore(entry.addedAt.plus(hardTimeout))) {
            entry.removing = RemovalReason.HARD_TIMEOUT;
            return true;
        }
        if (entry.baseline < 0 || entry.packets != entry.baseline) {
            if (entry.baseline >= 0 || entry.packets > 0) {
                entry.lastChange = now;
            }
            entry.baseline = entry.packets;
            return false;
        }
        entry.removing = RemovalReason.IDLE;
        return true;
    }

    private List<EntryState> dropUnseen(long generation) {
        List<EntryState> gone = new ArrayList<>();
        for (Map<Long, EntryState> known : entries.values()) {
            for (EntryState entry : known.values()) {
                if (entry.seenInRead != generation) {
                    gone.add(entry);
                }
            }
        }
        gone.forEach(this::remove);
        return gone;
    }

    /** Every line, grouped by sequence number in list order. */
    Map<Long, List<EntryState>> bySequence() {
        Map<Long, List<EntryState>> shunts = new LinkedHashMap<>();
        for (AclKey acl : acls) {
            for (EntryState entry : entries.get(acl).values()) {
                shunts.computeIfAbsent(entry.sequence, s -> new ArrayList<>()).add(entry);
            }
        }
        return shunts;
    }

    /** Whether any list still has a line under {@code sequence}. */
    boolean inUse(long sequence) {
        return linesPerSequence.containsKey(sequence);
    }

    /** The highest number in use, or 0. */
    long highestInUse() {
        return linesPerSequence.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * Where a rule stands.
     *
     * @param sequence its number, 0 when it is on no list
     * @param missing the lists of its family without it
     */
    record Placement(long sequence, List<AclKey> missing) {
        Placement {
            missing = List.copyOf(missing);
        }
    }
}
