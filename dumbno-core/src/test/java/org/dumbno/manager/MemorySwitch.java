package org.dumbno.manager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.EntryWriteException;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Rule;

/**
 * A switch written against the SPI alone, with no EOS in it: lists in memory, each line counting
 * the packets of the flows it matches. Another writer can take numbers behind the engine's back,
 * which the switch refuses in its own words; it can refuse writes or be out of reach.
 */
final class MemorySwitch implements AclSwitch {
    /** How this switch words a refusal of a number that holds another line. */
    static final String TAKEN = "line number in use";

    private final Map<AclKey, NavigableMap<Long, AclEntry>> lists = new LinkedHashMap<>();
    private String refusal;
    private boolean down;

    MemorySwitch(String... names) {
        AclKey.inBothFamilies(List.of(names)).forEach(acl -> lists.put(acl, new TreeMap<>()));
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public List<AclKey> acls() {
        return List.copyOf(lists.keySet());
    }

    @Override
    public synchronized SwitchRead read() throws SwitchUnavailableException {
        reach();
        Map<AclKey, List<AclEntry>> read = new LinkedHashMap<>();
        lists.forEach((acl, lines) -> read.put(acl, List.copyOf(lines.values())));
        return new SwitchRead(read, LayoutReport.OK);
    }

    @Override
    public synchronized List<LayoutProblem> write(List<EntryWrite> writes) throws SwitchException {
        reach();
        if (refusal != null) {
            String reason = refusal;
            refusal = null;
            throw new SwitchRefusedException(describe(), "write refused: " + reason, List.of(reason), null);
        }
        List<EntryWrite> applied = new ArrayList<>();
        for (EntryWrite write : writes) {
            NavigableMap<Long, AclEntry> lines = lists.get(write.acl());
            if (lines.containsKey(write.sequence())) {
                throw EntryWriteException.sequenceTaken(describe(), write, applied, List.of(TAKEN), null);
            }
            lines.put(write.sequence(), new AclEntry(write.sequence(), "deny", write.rule(),
                    "deny " + write.rule().text(), 0));
            applied.add(write);
        }
        return List.of();
    }

    @Override
    public synchronized void remove(List<EntryRef> entries) throws SwitchUnavailableException {
        reach();
        entries.forEach(ref -> lists.get(ref.acl()).remove(ref.sequence()));
    }

    private void reach() throws SwitchUnavailableException {
        if (down) {
            throw new SwitchUnavailableException(describe(), "out of reach", null);
        }
    }

    /** The next write call is refused, giving {@code reason}. */
    synchronized void refuseNextWrite(String reason) {
        refusal = reason;
    }

    /** Whether every call fails as unreachable. */
    synchronized void down(boolean value) {
        down = value;
    }

    /** Another writer puts a deny of {@code rule} under {@code sequence} in {@code acl}. */
    synchronized void takeByHand(AclKey acl, long sequence, Rule rule) {
        lists.get(acl).put(sequence, new AclEntry(sequence, "deny", rule, "deny " + rule.text(), 0));
    }

    /** Counts {@code packets} of {@code flow} on the first deny of each list of its family that matches it. */
    synchronized void traffic(Flow flow, long packets) {
        lists.forEach((acl, lines) -> lines.values().stream()
                .filter(line -> line.isDeny() && line.rule() != null && line.rule().matches(flow)).findFirst()
                .ifPresent(line -> lines.put(line.sequence(), new AclEntry(line.sequence(), line.action(),
                        line.rule(), line.text(), line.packetCount() + packets))));
    }

    /** The numbers of the lines of {@code acl}. */
    synchronized List<Long> sequences(AclKey acl) {
        return List.copyOf(lists.get(acl).keySet());
    }
}
