package org.dumbno.eos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dumbno.rule.Family;

/**
 * The switch operations dumbno needs, each one eAPI call over a {@link Transport}: set up the
 * managed access lists, read them, add and remove deny lines, read interface counters.
 *
 * <p>The managed lists are one per distinct ACL name of the {@code [ports]} map (ingress interface
 * to ACL name), each in both families. Thread-safe as far as the transport is; callers that need
 * one call at a time (the engine does) serialize their calls themselves.
 */
public final class EosSwitch {
    private final Transport transport;
    private final Map<String, String> ports;
    private final List<AclKey> acls;
    private final AclReader reader = new AclReader(new RuleCache());

    private EosSwitch(Transport transport, Map<String, String> ports) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ports = Collections.unmodifiableMap(new TreeMap<>(ports));
        Set<String> names = new LinkedHashSet<>(this.ports.values());
        List<AclKey> keys = new ArrayList<>();
        for (Family family : Family.values()) {
            for (String name : names) {
                keys.add(new AclKey(name, family));
            }
        }
        this.acls = List.copyOf(keys);
    }

    /**
     * A switch reached through {@code transport} whose ingress interfaces map to ACL names as in
     * {@code ports} (e.g. {@code Ethernet1 -> bulk_1}). With no ports there are no managed lists:
     * nothing is read or written, and every shunt is "on" none of them ({@code backend = dummy}).
     */
    public static EosSwitch of(Transport transport, Map<String, String> ports) {
        return new EosSwitch(transport, ports);
    }

    /** The transport underneath. */
    public Transport transport() {
        return transport;
    }

    /** Ingress interface to ACL name, sorted by interface. */
    public Map<String, String> ports() {
        return ports;
    }

    /** The managed lists: every ACL name, IPv4 first, then IPv6. */
    public List<AclKey> acls() {
        return acls;
    }

    /** The managed lists of one family. */
    public List<AclKey> acls(Family family) {
        return acls.stream().filter(acl -> acl.family() == family).toList();
    }

    /** The switch's name for messages. */
    public String describe() {
        return transport.describe();
    }

    /**
     * Creates the managed lists with their permit lines and counters and binds them to the
     * ingress interfaces, writing only what is missing (one read call, then at most one write
     * call, plus a text read of the interfaces if the switch has no JSON form for them).
     *
     * @return what changed; empty when the switch was already set up
     */
    public SetupReport setup() throws SwitchException {
        if (ports.isEmpty()) {
            return new SetupPlan().report();
        }
        List<String> interfaces = new ArrayList<>(ports.keySet());
        List<String> commands = new ArrayList<>();
        acls.forEach(acl -> commands.add(acl.showCommand()));
        interfaces.forEach(iface -> commands.add("show running-config interfaces " + iface));
        List<JsonObject> results;
        try {
            results = transport.runCmds(commands);
        } catch (CommandFailedException e) {
            if (e.failedIndex() < acls.size()) {
                throw e;
            }
            results = new ArrayList<>(transport.runCmds(commands.subList(0, acls.size())));
            results.addAll(transport.runCmds(commands.subList(acls.size(), commands.size()),
                    Transport.Format.TEXT));
        }
        SetupPlan plan = new SetupPlan();
        for (int i = 0; i < acls.size(); i++) {
            plan.acl(acls.get(i), reader.read(acls.get(i), results.get(i)));
        }
        for (int i = 0; i < interfaces.size(); i++) {
            String iface = interfaces.get(i);
            plan.port(iface, ports.get(iface), InterfaceConfig.lines(results.get(acls.size() + i)));
        }
        if (!plan.commands().isEmpty()) {
            List<String> writes = new ArrayList<>(List.of("enable", "configure"));
            writes.addAll(plan.commands());
            transport.runCmds(writes);
        }
        return plan.report();
    }

    /**
     * Reads every managed list, both families, in one call. A list the switch does not have
     * reads as empty.
     */
    public Map<AclKey, List<AclEntry>> readAcls() throws SwitchException {
        if (acls.isEmpty()) {
            return Map.of();
        }
        List<String> commands = acls.stream().map(AclKey::showCommand).toList();
        List<AclReader.AclState> states = transport.runCmds(commands, reader.decoder(acls));
        Map<AclKey, List<AclEntry>> read = new LinkedHashMap<>();
        for (int i = 0; i < acls.size(); i++) {
            AclReader.AclState state = states.get(i);
            read.put(acls.get(i), state == null ? List.of() : state.entries());
        }
        reader.endGeneration();
        return read;
    }

    /**
     * Adds {@code SEQ deny RULE} lines, grouped by list, in one call.
     *
     * @throws EntryWriteException the switch refused one line; the exception says which and which
     *         lines stand
     */
    public void write(List<EntryWrite> writes) throws SwitchException {
        if (writes.isEmpty()) {
            return;
        }
        Map<AclKey, List<EntryWrite>> groups = new LinkedHashMap<>();
        writes.forEach(w -> groups.computeIfAbsent(w.acl(), k -> new ArrayList<>()).add(w));
        List<String> commands = new ArrayList<>(List.of("enable", "configure"));
        List<EntryWrite> byCommand = new ArrayList<>(Collections.nCopies(2, null));
        List<EntryWrite> ordered = new ArrayList<>(writes.size());
        Map<org.dumbno.rule.Rule, String> texts = new java.util.HashMap<>();
        groups.forEach((acl, lines) -> {
            commands.add(acl.modeCommand());
            byCommand.add(lines.get(0));
            for (EntryWrite line : lines) {
                String text = texts.computeIfAbsent(line.rule(), rule -> {
                    reader.remember(rule);
                    return rule.text();
                });
                commands.add(line.sequence() + " deny " + text);
                byCommand.add(line);
                ordered.add(line);
            }
        });
        try {
            transport.runCmds(commands);
        } catch (CommandFailedException e) {
            int index = e.failedIndex();
            if (index < 2 || index >= byCommand.size()) {
                throw e;
            }
            EntryWrite failed = byCommand.get(index);
            int applied = ordered.indexOf(failed);
            throw new EntryWriteException(failed, ordered.subList(0, applied), e);
        }
    }

    /** Removes lines by sequence number ({@code no SEQ}), grouped by list, in one call. */
    public void remove(List<EntryRef> entries) throws SwitchException {
        if (entries.isEmpty()) {
            return;
        }
        Map<AclKey, List<EntryRef>> groups = new LinkedHashMap<>();
        entries.forEach(e -> groups.computeIfAbsent(e.acl(), k -> new ArrayList<>()).add(e));
        List<String> commands = new ArrayList<>(List.of("enable", "configure"));
        groups.forEach((acl, refs) -> {
            commands.add(acl.modeCommand());
            refs.forEach(ref -> commands.add("no " + ref.sequence()));
        });
        transport.runCmds(commands);
    }

    /** The octet counters of every interface the switch reports, by interface name. */
    public Map<String, InterfaceCounters> interfaceCounters() throws SwitchException {
        JsonObject result = transport.runCmds(List.of("show interfaces counters")).get(0);
        Map<String, InterfaceCounters> counters = new TreeMap<>();
        JsonElement interfaces = result.get("interfaces");
        if (interfaces != null && interfaces.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : interfaces.getAsJsonObject().entrySet()) {
                JsonObject values = entry.getValue().getAsJsonObject();
                counters.put(entry.getKey(), new InterfaceCounters(
                        octets(values, "inOctets"), octets(values, "outOctets")));
            }
        }
        return counters;
    }

    private static long octets(JsonObject values, String key) {
        JsonElement value = values.get(key);
        return value == null || value.isJsonNull() ? 0 : Math.max(0, value.getAsLong());
    }

    @Override
    public String toString() {
        return "EosSwitch[" + transport.describe() + ", acls=" + acls + "]";
    }
}
