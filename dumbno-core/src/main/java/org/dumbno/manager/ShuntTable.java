package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.LayoutReport;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;

/**
 * The engine's picture of the managed lines on the switch: every line in the managed sequence
 * range, per list, and which rule sits under which numbers. A rule is usually under one number;
 * it can be under more (a write whose answer was lost landed after the rule was written again, or
 * another writer added it), and it is known for as long as any of its lines stands. Not
 * thread-safe: the engine guards it.
 */
final class ShuntTable {
    private final List<AclKey> acls;
    private final Map<Family, List<AclKey>> listsByFamily = new EnumMap<>(Family.class);
    private final SequenceNumbers allocator;
    private final Map<AclKey, Map<Long, EntryState>> entries = new HashMap<>();
    private final Map<Long, Integer> linesPerSequence = new HashMap<>();
    private final Map<Rule, NavigableSet<Long>> sequencesOfRule = new HashMap<>();
    /** What the lines already gone of a number still in use matched. */
    private final Map<Long, Tally> departed = new HashMap<>();
    /** Numbers in the range with a line that is not a deny in some list, as last read: never dumbno's. */
    private Set<Long> foreign = new HashSet<>();
    private long readGeneration;

    ShuntTable(List<AclKey> acls, SequenceNumbers allocator) {
        this.acls = List.copyOf(acls);
        this.allocator = allocator;
        acls.forEach(acl -> entries.put(acl, new HashMap<>()));
        for (Family family : Family.values()) {
            listsByFamily.put(family, this.acls.stream().filter(acl -> acl.family() == family).toList());
        }
    }

    /** The number of shunts: sequence numbers with a line in at least one list. */
    int activeCount() {
        return linesPerSequence.size();
    }

    /**
     * Where {@code rule} stands: the lists of its family that lack it under every number, and the
     * number to report (the lowest it stands under) or, while lists lack it, the lowest of its
     * numbers that is free in all of them. Sequence 0 means it needs a new number. A line a sweep
     * is removing counts as gone: the request waits for the removal and writes the rule again.
     */
    Placement find(Rule rule) {
        NavigableSet<Long> numbers = sequencesOfRule.get(rule);
        if (numbers == null) {
            return new Placement(0, listsOf(rule.family()), false);
        }
        List<AclKey> missing = new ArrayList<>();
        long standing = 0;
        for (AclKey acl : acls) {
            long at = firstStaying(acl, numbers, rule);
            if (at == 0 && acl.family() == rule.family()) {
                missing.add(acl);
            }
            standing = at != 0 && (standing == 0 || at < standing) ? at : standing;
        }
        if (standing == 0) {
            return new Placement(0, missing, false);
        }
        if (missing.isEmpty()) {
            return new Placement(standing, missing, true);
        }
        for (long sequence : numbers) {
            if (!foreign.contains(sequence)
                    && missing.stream().noneMatch(acl -> entries.get(acl).containsKey(sequence))) {
                return new Placement(sequence, missing, true);
            }
        }
        return new Placement(0, missing, true);
    }

    /** The lists of {@code family}, in order: those that must hold a rule of the family. */
    List<AclKey> lists(Family family) {
        return listsOf(family);
    }

    /** The lists of {@code family}, in order: where a rule the table does not know is missing. */
    private List<AclKey> listsOf(Family family) {
        return listsByFamily.get(family);
    }

    /** The lowest of {@code numbers} under which {@code acl} has the rule to stay, or 0. */
    private long firstStaying(AclKey acl, NavigableSet<Long> numbers, Rule rule) {
        for (long sequence : numbers) {
            if (stays(acl, sequence, rule)) {
                return sequence;
            }
        }
        return 0;
    }

    /** Every line of {@code rule}, under any number, in the lists of its family. */
    List<EntryState> linesOf(Rule rule) {
        List<EntryState> lines = new ArrayList<>();
        for (long sequence : sequencesOfRule.getOrDefault(rule, Collections.emptyNavigableSet())) {
            for (AclKey acl : acls) {
                EntryState entry = entries.get(acl).get(sequence);
                if (acl.family() == rule.family() && entry != null && rule.equals(entry.rule)) {
                    lines.add(entry);
                }
            }
        }
        return lines;
    }

    /** Whether the list has the rule under the number and no sweep is removing that line. */
    private boolean stays(AclKey acl, long sequence, Rule rule) {
        EntryState entry = entries.get(acl).get(sequence);
        return entry != null && entry.removing == null && rule.equals(entry.rule);
    }

    /** Whether the table has the line {@code write} asks for. */
    boolean holds(EntryWrite write) {
        return holds(write.acl(), write.sequence(), write.rule());
    }

    private boolean holds(AclKey acl, long sequence, Rule rule) {
        EntryState entry = entries.get(acl).get(sequence);
        return entry != null && rule.equals(entry.rule);
    }

    /** Records a line the engine wrote; {@code stored} is its text as the switch will show it. */
    void added(AclKey acl, long sequence, Rule rule, String stored, Instant now) {
        EntryState entry = new EntryState(acl, sequence, stored, rule, 0, now);
        for (AclKey other : acls) {
            EntryState sibling = entries.get(other).get(sequence);
            if (sibling != null && rule.equals(sibling.rule) && sibling.deadline != null) {
                entry.deadline = sibling.deadline;
            }
        }
        put(entry);
    }

    /**
     * Gives every line of {@code rule} the deadline (a later one it has already stays).
     *
     * @return whether any list has the rule
     */
    boolean expireAt(Rule rule, Instant deadline) {
        boolean found = false;
        for (long sequence : sequencesOfRule.getOrDefault(rule, Collections.emptyNavigableSet())) {
            for (AclKey acl : acls) {
                EntryState entry = entries.get(acl).get(sequence);
                if (entry != null && rule.equals(entry.rule)) {
                    found = true;
                    entry.deadline = entry.deadline != null && entry.deadline.isAfter(deadline)
                            ? entry.deadline : deadline;
                }
            }
        }
        return found;
    }

    private void put(EntryState entry) {
        EntryState old = entries.get(entry.acl).put(entry.sequence, entry);
        if (old != null) {
            forget(old, false);
        }
        linesPerSequence.merge(entry.sequence, 1, Integer::sum);
        allocator.markUsed(entry.sequence);
        if (entry.rule != null) {
            sequencesOfRule.computeIfAbsent(entry.rule, r -> new TreeSet<>()).add(entry.sequence);
        }
    }

    /**
     * Drops a line.
     *
     * @return true when it was the number's last line, so the shunt is gone and the number free
     */
    boolean remove(EntryState entry) {
        if (entries.get(entry.acl).remove(entry.sequence, entry)) {
            return forget(entry, true);
        }
        return false;
    }

    /**
     * Accounts for a line no longer in the table; {@code counted} when what it matched belongs to
     * its number's shunt (not when another line replaced it). The number's last line gets the
     * shunt's {@link EntryState#lifetime}.
     */
    private boolean forget(EntryState entry, boolean counted) {
        unlink(entry);
        int left = linesPerSequence.merge(entry.sequence, -1, Integer::sum);
        Tally own = counted ? new Tally(entry.packets, entry.bytes, entry.addedAt) : Tally.NONE;
        if (left > 0) {
            departed.merge(entry.sequence, own, Tally::plus);
            return false;
        }
        entry.lifetime = own.plus(departed.getOrDefault(entry.sequence, Tally.NONE));
        departed.remove(entry.sequence);
        linesPerSequence.remove(entry.sequence);
        if (!foreign.contains(entry.sequence)) {
            allocator.release(entry.sequence);
        }
        return true;
    }

    /** Drops the rule's link to the line's number unless another list still has it there. */
    private void unlink(EntryState entry) {
        if (entry.rule == null || acls.stream().anyMatch(acl -> holds(acl, entry.sequence, entry.rule))) {
            return;
        }
        NavigableSet<Long> numbers = sequencesOfRule.get(entry.rule);
        if (numbers != null && numbers.remove(entry.sequence) && numbers.isEmpty()) {
            sequencesOfRule.remove(entry.rule);
        }
    }

    /**
     * Brings the picture in line with a full read. Lines not seen before are added (a sweep takes
     * their baseline too); lines gone from the switch are dropped and returned. Lines that are not
     * denies (an operator's permits) only keep their numbers from being handed out. What the read
     * shows of a list is taken only as far as {@code layout} trusts it: the lines of a list the
     * read missed (a partial read) stay as they were; those of a list that vanished are dropped as
     * a layout event, not as hand removals; the counts of a list whose counters are off, stale or
     * incomplete neither judge nor replace the counts known.
     *
     * @param sweep when true, lines are judged: idle or past {@code hardTimeout} go into
     *        {@code expired} (a zero timeout means never)
     */
    Reconciled reconcile(Map<AclKey, List<AclEntry>> read, LayoutReport layout, Instant now, boolean sweep,
            Duration hardTimeout, List<EntryState> expired) {
        long generation = ++readGeneration;
        Set<Long> notDenies = new HashSet<>();
        Map<AclKey, Integer> skipped = new LinkedHashMap<>();
        for (AclKey acl : acls) {
            Map<Long, EntryState> known = entries.get(acl);
            boolean trusted = layout.countersTrusted(acl);
            if (!trusted && !layout.missing(acl) && read.getOrDefault(acl, List.of()).isEmpty()) {
                known.values().forEach(entry -> entry.seenInRead = generation);
            }
            for (AclEntry line : read.getOrDefault(acl, List.of())) {
                if (!allocator.inRange(line.sequence())) {
                    continue;
                }
                if (!line.isDeny()) {
                    notDenies.add(line.sequence());
                    continue;
                }
                EntryState entry = known.get(line.sequence());
                if (entry == null || !sameLine(entry, line)) {
                    entry = new EntryState(acl, line.sequence(), line.text(), line.rule(), line.packetCount(), now);
                    put(entry);
                } else {
                    entry.text = line.text();
                }
                entry.seenInRead = generation;
                entry.evicting = false;
                if (!trusted) {
                    if (sweep && !entry.judgementSkipped) {
                        entry.judgementSkipped = true;
                        skipped.merge(acl, 1, Integer::sum);
                    }
                    entry.baseline = -1;
                    entry.removing = null;
                    entry.rate.forget();
                    continue;
                }
                entry.packets = line.packetCount();
                entry.bytes = line.byteCount();
                if (sweep) {
                    entry.rate.sample(entry.packets, now);
                    entry.judgementSkipped = false;
                    if (judge(entry, now, hardTimeout)) {
                        expired.add(entry);
                    }
                }
            }
        }
        List<EntryState> unseen = dropUnseen(generation);
        List<EntryState> gone = new ArrayList<>();
        List<EntryState> vanished = new ArrayList<>();
        unseen.forEach(entry -> (layout.missing(entry.acl) ? vanished : gone).add(entry));
        keepForeign(notDenies);
        return new Reconciled(gone, vanished, skipped);
    }

    /**
     * What a read changed.
     *
     * @param gone lines that left their list
     * @param vanished lines whose whole list vanished
     * @param skipped per list, the lines a sweep could not judge for the first time since they were
     *        last judged (their counts untrusted)
     */
    record Reconciled(List<EntryState> gone, List<EntryState> vanished, Map<AclKey, Integer> skipped) {
    }

    /** Holds the numbers of the lines that are not denies; frees those whose line left. */
    private void keepForeign(Set<Long> notDenies) {
        for (long sequence : foreign) {
            if (!notDenies.contains(sequence) && !inUse(sequence)) {
                allocator.release(sequence);
            }
        }
        foreign = notDenies;
        foreign.forEach(allocator::markUsed);
    }

    /**
     * Whether a line read is the one the table has under its number: the same text, or the same
     * rule as the same kind of line (the switch may word it otherwise than dumbno wrote it).
     */
    private static boolean sameLine(EntryState entry, AclEntry line) {
        return entry.text.equals(line.text())
                || entry.rule != null && entry.rule.equals(line.rule())
                        && line.isDeny() == entry.text.startsWith("deny ");
    }

    /** A sweep's verdict on one line: true when it must go. Takes the new baseline. */
    private static boolean judge(EntryState entry, Instant now, Duration hardTimeout) {
        entry.removing = null;
        if ((!hardTimeout.isZero() && !now.isBefore(entry.addedAt.plus(hardTimeout)))
                || (entry.deadline != null && !now.isBefore(entry.deadline))) {
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

    /** The shunts as the table has them, by sequence number, each with its lines' counts and rate. */
    List<ActiveShunt> active(Instant now) {
        List<ActiveShunt> shunts = new ArrayList<>();
        bySequence().forEach((sequence, lines) -> shunts.add(shunt(sequence, lines, now)));
        shunts.sort(Comparator.comparingLong(ActiveShunt::sequence));
        return shunts;
    }

    private static ActiveShunt shunt(long sequence, List<EntryState> lines, Instant now) {
        Map<AclKey, Long> counts = new HashMap<>();
        Map<AclKey, Double> rates = new HashMap<>();
        Instant added = lines.get(0).addedAt;
        Instant changed = lines.get(0).lastChange;
        for (EntryState line : lines) {
            counts.put(line.acl, line.packets);
            line.rate.lastSweep().ifPresent(rate -> rates.put(line.acl, rate));
            added = line.addedAt.isBefore(added) ? line.addedAt : added;
            changed = line.lastChange.isAfter(changed) ? line.lastChange : changed;
        }
        EntryState first = lines.get(0);
        return new ActiveShunt(first.rule, first.text, sequence, counts, added, Duration.between(changed, now),
                rates);
    }

    /** The sum of the lines' rates; empty when no line has one. */
    private static OptionalDouble sum(List<EntryState> lines, Function<EntryState, OptionalDouble> rate) {
        double total = 0;
        boolean any = false;
        for (EntryState line : lines) {
            OptionalDouble one = rate.apply(line);
            if (one.isPresent()) {
                total += one.getAsDouble();
                any = true;
            }
        }
        return any ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    /**
     * The shunts {@code when_full = evict} may remove to make room, least active first: fewest
     * packets per second over the recent sweeps, then the oldest, then the lowest number. Only a
     * shunt that can be judged is a candidate: every line has a rate from counts the sweeps
     * trusted, its first line stood at least {@code minAge}, no line is being removed, its rule
     * is dumbno's and not one to {@code keep} (rules being asked for).
     *
     * @return each candidate's lines
     */
    List<List<EntryState>> evictionCandidates(Instant now, Duration minAge, Predicate<Rule> keep) {
        record Candidate(List<EntryState> lines, double rate, Instant added, long sequence) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<Long, List<EntryState>> shunt : bySequence().entrySet()) {
            List<EntryState> lines = shunt.getValue();
            OptionalDouble rate = evictableRate(lines, now, minAge, keep);
            if (rate.isPresent()) {
                Instant added = lines.stream().map(line -> line.addedAt).min(Comparator.naturalOrder()).orElseThrow();
                candidates.add(new Candidate(lines, rate.getAsDouble(), added, shunt.getKey()));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::rate).thenComparing(Candidate::added)
                .thenComparingLong(Candidate::sequence));
        return candidates.stream().map(Candidate::lines).toList();
    }

    private static OptionalDouble evictableRate(List<EntryState> lines, Instant now, Duration minAge,
            Predicate<Rule> keep) {
        for (EntryState line : lines) {
            if (line.rule == null || line.removing != null || keep.test(line.rule)
                    || line.rate.recent().isEmpty() || now.isBefore(line.addedAt.plus(minAge))) {
                return OptionalDouble.empty();
            }
        }
        return sum(lines, line -> line.rate.recent());
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
     * What lines matched, and since when the first of them stood.
     *
     * @param since null for no line
     */
    record Tally(long packets, long bytes, Instant since) {
        static final Tally NONE = new Tally(0, 0, null);

        Tally plus(Tally other) {
            Instant first = since == null ? other.since
                    : other.since == null || since.isBefore(other.since) ? since : other.since;
            return new Tally(packets + other.packets, bytes + other.bytes, first);
        }
    }

    /**
     * Where a rule stands.
     *
     * @param sequence its number; while lists lack it, the number to write it under there; 0 when
     *        it needs a new number
     * @param missing the lists of its family without it under any number
     * @param known whether any list has it
     */
    record Placement(long sequence, List<AclKey> missing, boolean known) {
        Placement {
            missing = List.copyOf(missing);
        }
    }
}
