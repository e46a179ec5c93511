package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
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
    private static final long[] NO_NUMBERS = new long[0];

    private final List<AclKey> acls;
    private final Map<Family, List<AclKey>> listsByFamily = new EnumMap<>(Family.class);
    /** Per family, where a rule the table does not know stands: asked for every new request. */
    private final Map<Family, Placement> unknown = new EnumMap<>(Family.class);
    private final SequenceNumbers allocator;
    /**
     * Per sequence number with a line in any list, its lines indexed as {@link #acls} (null where a
     * list has none): one map entry per shunt however many lists it is in.
     */
    private final Map<Long, EntryState[]> lines = new HashMap<>();
    /** Per rule, the numbers it stands under in some list, ascending; usually one. */
    private final Map<Rule, long[]> sequencesOfRule = new HashMap<>();
    /** What the lines already gone of a number still in use matched. */
    private final Map<Long, Tally> departed = new HashMap<>();
    /** Numbers in the range with a line that is not a deny in some list, as last read: never dumbno's. */
    private Set<Long> foreign = new HashSet<>();
    /** The deny lines in the range the last full read showed, over every list. */
    private int deniesRead;
    /** Counts full reads, skipping 0 (a line never read) when it wraps. */
    private int readGeneration;

    ShuntTable(List<AclKey> acls, SequenceNumbers allocator) {
        this.acls = List.copyOf(acls);
        this.allocator = allocator;
        for (Family family : Family.values()) {
            listsByFamily.put(family, this.acls.stream().filter(acl -> acl.family() == family).toList());
            unknown.put(family, new Placement(0, listsByFamily.get(family), false));
        }
    }

    /** The number of shunts: sequence numbers with a line in at least one list. */
    int activeCount() {
        return lines.size();
    }

    /** The position of {@code acl} in {@link #acls}. */
    private int indexOf(AclKey acl) {
        for (int i = 0; i < acls.size(); i++) {
            if (acls.get(i) == acl) {
                return i;
            }
        }
        int index = acls.indexOf(acl);
        if (index < 0) {
            throw new IllegalArgumentException("not a managed list: " + acl);
        }
        return index;
    }

    /** The line of the list at {@code index} under {@code sequence}, or null. */
    private EntryState line(int index, long sequence) {
        EntryState[] row = lines.get(sequence);
        return row == null ? null : row[index];
    }

    /**
     * Where {@code rule} stands: the lists of its family that lack it under every number, and the
     * number to report (the lowest it stands under) or, while lists lack it, the lowest of its
     * numbers that is free in all of them. Sequence 0 means it needs a new number. A line a sweep
     * is removing counts as gone: the request waits for the removal and writes the rule again.
     */
    Placement find(Rule rule) {
        long[] numbers = sequencesOfRule.get(rule);
        if (numbers == null) {
            return unknown.get(rule.family());
        }
        List<AclKey> missing = new ArrayList<>();
        long standing = 0;
        for (int i = 0; i < acls.size(); i++) {
            AclKey acl = acls.get(i);
            long at = firstStaying(i, numbers, rule);
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
            if (!foreign.contains(sequence) && freeIn(missing, sequence)) {
                return new Placement(sequence, missing, true);
            }
        }
        return new Placement(0, missing, true);
    }

    /** Whether none of {@code missing} has a line under {@code sequence}. */
    private boolean freeIn(List<AclKey> missing, long sequence) {
        EntryState[] row = lines.get(sequence);
        if (row == null) {
            return true;
        }
        for (AclKey acl : missing) {
            if (row[indexOf(acl)] != null) {
                return false;
            }
        }
        return true;
    }

    /** Whether dumbno manages a line under {@code sequence}: strictly inside its range. */
    boolean manages(long sequence) {
        return allocator.inRange(sequence);
    }

    /** The lists of {@code family}, in order: those that must hold a rule of the family. */
    List<AclKey> lists(Family family) {
        return listsOf(family);
    }

    /** The lists of {@code family}, in order: where a rule the table does not know is missing. */
    private List<AclKey> listsOf(Family family) {
        return listsByFamily.get(family);
    }

    /** The lowest of {@code numbers} under which the list at {@code index} has the rule to stay, or 0. */
    private long firstStaying(int index, long[] numbers, Rule rule) {
        for (long sequence : numbers) {
            EntryState entry = line(index, sequence);
            if (entry != null && entry.removing() == null && rule.equals(entry.rule)) {
                return sequence;
            }
        }
        return 0;
    }

    /** Every line of {@code rule}, under any number, in the lists of its family. */
    List<EntryState> linesOf(Rule rule) {
        List<EntryState> found = new ArrayList<>();
        for (long sequence : sequencesOfRule.getOrDefault(rule, NO_NUMBERS)) {
            EntryState[] row = lines.get(sequence);
            for (int i = 0; row != null && i < row.length; i++) {
                EntryState entry = row[i];
                if (acls.get(i).family() == rule.family() && entry != null && rule.equals(entry.rule)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    /** Whether the table has the line {@code write} asks for. */
    boolean holds(EntryWrite write) {
        EntryState entry = line(indexOf(write.acl()), write.sequence());
        return entry != null && write.rule().equals(entry.rule);
    }

    /** Records a deny line of {@code rule} the engine wrote. */
    void added(AclKey acl, long sequence, Rule rule, Instant now) {
        EntryState[] row = lines.get(sequence);
        put(wrote(acl, sequence, rule, now, row), row);
    }

    /**
     * Records the deny lines the engine wrote for one rule under one number ({@code written}, the
     * usual case: every list of its family), looking the number up once.
     */
    void added(List<EntryWrite> written, Instant now) {
        if (written.isEmpty()) {
            return;
        }
        long sequence = written.get(0).sequence();
        EntryState[] row = lines.get(sequence);
        for (EntryWrite write : written) {
            if (write.sequence() != sequence) {
                added(write.acl(), write.sequence(), write.rule(), now);
                continue;
            }
            row = put(wrote(write.acl(), sequence, write.rule(), now, row), row);
        }
    }

    /** A line of {@code rule} written under {@code sequence}, with the deadline its siblings in {@code row} have. */
    private static EntryState wrote(AclKey acl, long sequence, Rule rule, Instant now, EntryState[] row) {
        EntryState entry = new EntryState(acl, sequence, null, rule, 0, now);
        for (int i = 0; row != null && i < row.length; i++) {
            EntryState sibling = row[i];
            if (sibling != null && rule.equals(sibling.rule) && sibling.deadline != null) {
                entry.deadline = sibling.deadline;
            }
        }
        return entry;
    }

    /**
     * Gives every line of {@code rule} the deadline (a later one it has already stays).
     *
     * @return whether any list has the rule
     */
    boolean expireAt(Rule rule, Instant deadline) {
        boolean found = false;
        for (long sequence : sequencesOfRule.getOrDefault(rule, NO_NUMBERS)) {
            EntryState[] row = lines.get(sequence);
            for (int i = 0; row != null && i < row.length; i++) {
                EntryState entry = row[i];
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
        put(entry, lines.get(entry.sequence()));
    }

    /**
     * {@link #put(EntryState)} into {@code row}, the lines of its number as the caller found them
     * (null when there are none): a line a batch writes looks its number up once. Returns the row.
     */
    private EntryState[] put(EntryState entry, EntryState[] found) {
        int index = indexOf(entry.acl);
        EntryState[] row = found;
        if (row == null) {
            row = new EntryState[acls.size()];
            lines.put(entry.sequence(), row);
        }
        EntryState old = row[index];
        row[index] = entry;
        if (old != null) {
            forget(old, false, row, index);
        }
        allocator.markUsed(entry.sequence());
        if (entry.rule != null && !sharesRule(row, index)) {
            link(entry.rule, entry.sequence());
        }
        return row;
    }

    /** Whether another list's line in {@code row} has the rule of the line at {@code index}: it is linked already. */
    private static boolean sharesRule(EntryState[] row, int index) {
        for (int i = 0; i < row.length; i++) {
            if (i != index && row[i] != null && row[i].rule != null && row[i].rule.equals(row[index].rule)) {
                return true;
            }
        }
        return false;
    }

    /** Notes that {@code rule} stands under {@code sequence}, keeping its numbers ascending. */
    private void link(Rule rule, long sequence) {
        long[] numbers = sequencesOfRule.get(rule);
        if (numbers == null) {
            sequencesOfRule.put(rule, new long[] {sequence});
            return;
        }
        int at = Arrays.binarySearch(numbers, sequence);
        if (at >= 0) {
            return;
        }
        int insert = -at - 1;
        long[] more = new long[numbers.length + 1];
        System.arraycopy(numbers, 0, more, 0, insert);
        more[insert] = sequence;
        System.arraycopy(numbers, insert, more, insert + 1, numbers.length - insert);
        sequencesOfRule.put(rule, more);
    }

    /**
     * Drops a line.
     *
     * @return true when it was the number's last line, so the shunt is gone and the number free
     */
    boolean remove(EntryState entry) {
        EntryState[] row = lines.get(entry.sequence());
        int index = indexOf(entry.acl);
        if (row != null && row[index] == entry) {
            row[index] = null;
            return forget(entry, true, row, -1);
        }
        return false;
    }

    /**
     * Accounts for a line no longer in the table ({@code row}, its number's lines, no longer holds
     * it; {@code replacedAt} the list where a new line took its place, else -1); {@code counted}
     * when what it matched belongs to its number's shunt (not when another line replaced it). The
     * number's last line gets the shunt's {@link EntryState#lifetime}.
     */
    private boolean forget(EntryState entry, boolean counted, EntryState[] row, int replacedAt) {
        unlink(entry, row);
        Tally own = counted ? new Tally(entry.packets(), entry.bytes(), entry.addedAt) : Tally.NONE;
        if (othersIn(row, replacedAt)) {
            departed.merge(entry.sequence(), own, Tally::plus);
            return false;
        }
        entry.lifetime = own.plus(departed.getOrDefault(entry.sequence(), Tally.NONE));
        departed.remove(entry.sequence());
        if (replacedAt < 0) {
            lines.remove(entry.sequence());
        }
        if (!foreign.contains(entry.sequence())) {
            allocator.release(entry.sequence());
        }
        return true;
    }

    /** Whether {@code row} has a line in a list other than the one at {@code skip}. */
    private static boolean othersIn(EntryState[] row, int skip) {
        for (int i = 0; i < row.length; i++) {
            if (i != skip && row[i] != null) {
                return true;
            }
        }
        return false;
    }

    /** Drops the rule's link to the line's number unless another list still has it there. */
    private void unlink(EntryState entry, EntryState[] row) {
        if (entry.rule == null) {
            return;
        }
        for (EntryState other : row) {
            if (other != null && entry.rule.equals(other.rule)) {
                return;
            }
        }
        long[] numbers = sequencesOfRule.get(entry.rule);
        int at = numbers == null ? -1 : Arrays.binarySearch(numbers, entry.sequence());
        if (at < 0) {
            return;
        }
        if (numbers.length == 1) {
            sequencesOfRule.remove(entry.rule);
            return;
        }
        long[] fewer = new long[numbers.length - 1];
        System.arraycopy(numbers, 0, fewer, 0, at);
        System.arraycopy(numbers, at + 1, fewer, at, numbers.length - at - 1);
        sequencesOfRule.put(entry.rule, fewer);
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
        readGeneration = readGeneration == -1 ? 1 : readGeneration + 1;
        int generation = readGeneration;
        Set<Long> notDenies = new HashSet<>();
        Map<AclKey, Integer> skipped = new LinkedHashMap<>();
        int denies = 0;
        for (int index = 0; index < acls.size(); index++) {
            AclKey acl = acls.get(index);
            boolean trusted = layout.countersTrusted(acl);
            if (!trusted && !layout.missing(acl) && read.getOrDefault(acl, List.of()).isEmpty()) {
                for (EntryState[] row : lines.values()) {
                    if (row[index] != null) {
                        row[index].seenInRead = generation;
                    }
                }
            }
            for (AclEntry line : read.getOrDefault(acl, List.of())) {
                if (!allocator.inRange(line.sequence())) {
                    continue;
                }
                if (!line.isDeny()) {
                    notDenies.add(line.sequence());
                    continue;
                }
                denies++;
                EntryState entry = line(index, line.sequence());
                if (entry == null || !sameLine(entry, line)) {
                    entry = new EntryState(acl, line.sequence(), line.text(), line.rule(), line.packetCount(), now);
                    put(entry);
                } else {
                    entry.readAs(line.text());
                }
                entry.seenInRead = generation;
                entry.evicting = false;
                if (!trusted) {
                    if (sweep && !entry.judgementSkipped) {
                        entry.judgementSkipped = true;
                        skipped.merge(acl, 1, Integer::sum);
                    }
                    entry.baseline(-1);
                    entry.removing(null);
                    entry.forgetRate();
                    continue;
                }
                entry.counted(line.packetCount(), line.byteCount());
                if (sweep) {
                    entry.sampleRate(now);
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
        deniesRead = denies;
        return new Reconciled(gone, vanished, skipped);
    }

    /** The deny lines in the managed range the last full read showed, over every list. */
    int deniesRead() {
        return deniesRead;
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
        return entry.hasText(line.text())
                || entry.rule != null && entry.rule.equals(line.rule()) && line.isDeny() == entry.isDeny();
    }

    /** A sweep's verdict on one line: true when it must go. Takes the new baseline. */
    private static boolean judge(EntryState entry, Instant now, Duration hardTimeout) {
        entry.removing(null);
        if ((!hardTimeout.isZero() && !now.isBefore(entry.addedAt.plus(hardTimeout)))
                || (entry.deadline != null && !now.isBefore(entry.deadline))) {
            entry.removing(RemovalReason.HARD_TIMEOUT);
            return true;
        }
        long baseline = entry.baseline();
        long packets = entry.packets();
        if (baseline < 0 || packets != baseline) {
            if (baseline >= 0 || packets > 0) {
                entry.lastChange = now;
            }
            entry.baseline(packets);
            return false;
        }
        entry.removing(RemovalReason.IDLE);
        return true;
    }

    /** The lines not seen in the read of {@code generation}, dropped, in list order. */
    private List<EntryState> dropUnseen(int generation) {
        List<EntryState> gone = new ArrayList<>();
        for (int index = 0; index < acls.size(); index++) {
            for (EntryState[] row : lines.values()) {
                EntryState entry = row[index];
                if (entry != null && entry.seenInRead != generation) {
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
        lines.forEach((sequence, row) -> {
            List<EntryState> standing = new ArrayList<>(row.length);
            for (EntryState entry : row) {
                if (entry != null) {
                    standing.add(entry);
                }
            }
            shunts.put(sequence, standing);
        });
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
            counts.put(line.acl, line.packets());
            line.lastSweepRate().ifPresent(rate -> rates.put(line.acl, rate));
            added = line.addedAt.isBefore(added) ? line.addedAt : added;
            changed = line.lastChange.isAfter(changed) ? line.lastChange : changed;
        }
        EntryState first = lines.get(0);
        return new ActiveShunt(first.rule, first.text(), sequence, counts, added, Duration.between(changed, now),
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
            if (line.rule == null || line.removing() != null || keep.test(line.rule)
                    || line.recentRate().isEmpty() || now.isBefore(line.addedAt.plus(minAge))) {
                return OptionalDouble.empty();
            }
        }
        return sum(lines, EntryState::recentRate);
    }

    /** Whether any list still has a line under {@code sequence}. */
    boolean inUse(long sequence) {
        return lines.containsKey(sequence);
    }

    /** The highest number in use, or 0. */
    long highestInUse() {
        return lines.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
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
