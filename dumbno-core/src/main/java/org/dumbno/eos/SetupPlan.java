package org.dumbno.eos;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.SetupReport;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;

/**
 * The commands that bring the switch to the state setup wants, given what it has now: only what
 * is missing, so a switch already set up gets no command at all.
 */
final class SetupPlan {
    /** The permit lines every managed list carries, by sequence number. */
    static final long[] PERMIT_SEQUENCES = {10, 20, 30, 100001};

    /** {@link #wholeList} per family: every write call sends it once per list written to. */
    private static final Map<Family, List<String>> WHOLE_LIST = wholeLists();

    /** The global setting that keeps traffic flowing while an ACL is changed (EAPI.md). */
    static final String DEFAULT_RESULT = "hardware access-list update default-result permit";
    /** Shows the global configuration lines that hold {@link #DEFAULT_RESULT}. */
    static final String SHOW_DEFAULT_RESULT = "show running-config section hardware access-list";

    private final List<String> commands = new ArrayList<>();
    private boolean knob;
    private final List<String> changes = new ArrayList<>();

    static Rule permitRule(Family family, long sequence) {
        return switch ((int) sequence) {
            case 10 -> Rule.parse(family, "tcp any any fin");
            case 20 -> Rule.parse(family, "tcp any any syn");
            case 30 -> Rule.parse(family, "tcp any any rst");
            default -> Rule.anyTraffic(family);
        };
    }

    /** The permit line setup puts under {@code sequence}, as typed: {@code SEQ permit RULE}. */
    static String permitLine(Family family, long sequence) {
        return sequence + " permit " + permitRule(family, sequence).text();
    }

    /**
     * The layout of a list as commands that leave a whole list whole and make a bare one whole:
     * {@code counters per-entry}, then each permit removed and written again, which a whole list
     * nets to no change on when the group change takes effect. Written into a list whose permits the
     * last read (or repair) showed, so each {@code no SEQ} finds its line, unless the list went away
     * since: then {@code ip access-list NAME} has just created it, and it is whole before a deny
     * line goes in.
     */
    static List<String> wholeList(AclKey acl) {
        return WHOLE_LIST.get(acl.family());
    }

    private static Map<Family, List<String>> wholeLists() {
        Map<Family, List<String>> lists = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            List<String> body = new ArrayList<>();
            body.add("counters per-entry");
            for (long sequence : PERMIT_SEQUENCES) {
                body.add("no " + sequence);
                body.add(permitLine(family, sequence));
            }
            lists.put(family, List.copyOf(body));
        }
        return lists;
    }

    /** Plans one list; {@code state} is null when the switch does not have it. */
    void acl(AclKey acl, AclReader.AclState state) {
        List<String> body = new ArrayList<>();
        if (state == null) {
            changes.add("created " + acl.describe());
        }
        if (state == null || Boolean.FALSE.equals(state.countersEnabled())) {
            body.add("counters per-entry");
            changes.add("enabled counters per-entry in " + acl.describe());
        }
        for (long sequence : PERMIT_SEQUENCES) {
            permit(acl, state, sequence, body);
        }
        if (state == null || !body.isEmpty()) {
            commands.add(AclCommands.mode(acl));
            commands.addAll(body);
        }
    }

    /** Whether the list read as {@code state} has the permit line setup puts under {@code sequence}. */
    static boolean hasPermit(AclKey acl, AclReader.AclState state, long sequence) {
        AclEntry present = state == null ? null : find(state.entries(), sequence);
        return present != null && present.action().equals("permit")
                && permitRule(acl.family(), sequence).equals(present.rule());
    }

    private void permit(AclKey acl, AclReader.AclState state, long sequence, List<String> body) {
        if (hasPermit(acl, state, sequence)) {
            return;
        }
        AclEntry present = state == null ? null : find(state.entries(), sequence);
        String line = permitLine(acl.family(), sequence);
        if (present != null) {
            body.add("no " + sequence);
            changes.add("replaced '" + present.text() + "' by '" + line + "' in " + acl.describe());
        } else {
            changes.add("added '" + line + "' to " + acl.describe());
        }
        body.add(line);
    }

    private static AclEntry find(List<AclEntry> entries, long sequence) {
        for (AclEntry entry : entries) {
            if (entry.sequence() == sequence) {
                return entry;
            }
        }
        return null;
    }

    /** Plans the bindings of one ingress port, given its configuration lines. */
    void port(String iface, String aclName, Set<String> configLines) {
        List<String> missing = new ArrayList<>();
        for (Family family : Family.values()) {
            String binding = family.keyword() + " access-group " + aclName + " in";
            if (!configLines.contains(binding)) {
                missing.add(binding);
                changes.add("bound " + binding + " on " + iface);
            }
        }
        if (!missing.isEmpty()) {
            commands.add("interface " + iface);
            commands.addAll(missing);
        }
    }

    /**
     * Plans {@code hardware access-list update default-result permit}, given the global
     * configuration lines read; it goes last, so that a platform refusing it stops nothing else.
     *
     * @return whether the command was planned
     */
    boolean defaultResult(Set<String> configLines, boolean unsupported) {
        if (unsupported || configLines.contains(DEFAULT_RESULT)) {
            return false;
        }
        knob = true;
        return true;
    }

    /** The configuration commands to run after {@code enable} and {@code configure}. */
    List<String> commands() {
        List<String> all = new ArrayList<>(commands);
        if (knob) {
            all.add(DEFAULT_RESULT);
        }
        return List.copyOf(all);
    }

    /** Whether the commands end with the default-result knob. */
    boolean endsWithDefaultResult() {
        return knob;
    }

    /** What the commands change; the knob's line last, unless the platform refused it. */
    SetupReport report(boolean knobRefused, List<String> warnings) {
        List<String> all = new ArrayList<>(changes);
        if (knob && !knobRefused) {
            all.add("configured " + DEFAULT_RESULT);
        }
        return new SetupReport(all, warnings);
    }
}
