package org.dumbno.eos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.EntryWriteException;
import org.dumbno.acl.InterfaceCounters;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SetupReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.rule.Family;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Arista switch as an {@link AclSwitch}: each operation is one eAPI call over a {@link Transport}
 * (set up the managed access lists, read them, add and remove deny lines, read interface counters).
 *
 * <p>The managed lists are one per distinct ACL name of the {@code [ports]} map (ingress interface
 * to ACL name), each in both families. Thread-safe as far as the transport is, reads beside writes
 * included; callers that need one change at a time (the engine does) serialize their calls themselves.
 */
public final class EosSwitch implements AclSwitch {
    private final Transport transport;
    private final Map<String, String> ports;
    private final List<AclKey> acls;
    private static final Logger LOG = LoggerFactory.getLogger(EosSwitch.class);
    /** EOS's reason for refusing a line whose number holds another line. */
    private static final String SEQUENCE_TAKEN = "Duplicate sequence number";

    private final AclReader reader = new AclReader(new RuleCache());
    private final Transport.ResultDecoder<Object> decoder;
    /** Whether reads ask for the summaries; false once the switch refused them. */
    private volatile boolean summaries = true;
    private volatile LayoutCheck.DefaultResult defaultResult = LayoutCheck.DefaultResult.UNKNOWN;

    private EosSwitch(Transport transport, Map<String, String> ports) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ports = Collections.unmodifiableMap(new TreeMap<>(ports));
        this.acls = AclKey.inBothFamilies(this.ports.values());
        this.decoder = new ReadDecoder(acls, reader.decoder(acls));
    }

    /**
     * A switch reached through {@code transport} whose ingress interfaces map to ACL names as in
     * {@code ports} (e.g. {@code Ethernet1 -> bulk_1}). With no ports there are no managed lists:
     * nothing is read or written, and every shunt is "on" none of them. Closing it closes the
     * transport.
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
    @Override
    public List<AclKey> acls() {
        return acls;
    }

    /** The switch's name for messages: the transport's. */
    @Override
    public String describe() {
        return transport.describe();
    }

    /**
     * Creates the managed lists with their permit lines and counters, binds them to the ingress
     * interfaces and configures {@code hardware access-list update default-result permit}, writing
     * only what is missing (one read call, then at most one write call, plus a text read of the
     * configuration if the switch has no JSON form for it). A platform that refuses the
     * default-result setting gets a warning in the report, not a failure.
     *
     * @return what changed; empty when the switch was already set up
     */
    @Override
    public SetupReport setup() throws SwitchException {
        if (ports.isEmpty()) {
            return new SetupReport(List.of());
        }
        List<String> interfaces = new ArrayList<>(ports.keySet());
        List<String> configShows = new ArrayList<>();
        interfaces.forEach(iface -> configShows.add("show running-config interfaces " + iface));
        configShows.add(SetupPlan.SHOW_DEFAULT_RESULT);
        List<String> commands = new ArrayList<>();
        acls.forEach(acl -> commands.add(AclCommands.show(acl)));
        commands.addAll(configShows);
        List<JsonObject> results;
        try {
            results = transport.runCmds(commands);
        } catch (CommandFailedException e) {
            if (e.failedIndex() < acls.size()) {
                throw e;
            }
            results = new ArrayList<>(transport.runCmds(commands.subList(0, acls.size())));
            results.addAll(transport.runCmds(configShows, Transport.Format.TEXT));
        }
        SetupPlan plan = new SetupPlan();
        for (int i = 0; i < acls.size(); i++) {
            plan.acl(acls.get(i), reader.read(acls.get(i), results.get(i)));
        }
        for (int i = 0; i < interfaces.size(); i++) {
            String iface = interfaces.get(i);
            plan.port(iface, ports.get(iface), InterfaceConfig.lines(results.get(acls.size() + i)));
        }
        Set<String> global = InterfaceConfig.lines(results.get(results.size() - 1));
        boolean knobPlanned = plan.defaultResult(global, defaultResult == LayoutCheck.DefaultResult.UNSUPPORTED);
        if (!knobPlanned && defaultResult != LayoutCheck.DefaultResult.UNSUPPORTED) {
            defaultResult = LayoutCheck.DefaultResult.PRESENT;
        }
        List<String> warnings = new ArrayList<>();
        boolean knobRefused = false;
        if (!plan.commands().isEmpty()) {
            List<String> writes = new ArrayList<>(List.of("enable", "configure"));
            writes.addAll(plan.commands());
            try {
                transport.runCmds(writes);
            } catch (CommandFailedException e) {
                if (!plan.endsWithDefaultResult() || e.failedIndex() != writes.size() - 1) {
                    throw e;
                }
                knobRefused = true;
                defaultResult = LayoutCheck.DefaultResult.UNSUPPORTED;
                warnings.add(describe() + " refused '" + SetupPlan.DEFAULT_RESULT + "' (" + String.join("; ", e.errors())
                        + "): every ACL change may drop the sensors' traffic for a moment");
            }
            if (knobPlanned && !knobRefused) {
                defaultResult = LayoutCheck.DefaultResult.PRESENT;
            }
        }
        return plan.report(knobRefused, warnings);
    }

    /**
     * Reads whether {@code hardware access-list update default-result permit} is configured, unless
     * setup or an earlier call found out already: see {@link #readDefaultResult()}.
     */
    @Override
    public void learnLayout() throws SwitchException {
        if (defaultResult == LayoutCheck.DefaultResult.UNKNOWN) {
            readDefaultResult();
        }
    }

    /**
     * Reads whether {@code hardware access-list update default-result permit} is configured (one
     * text call), for {@link SwitchRead#layout()}: the setting lives only in the running
     * configuration, which has no JSON form, so reads of the lists cannot carry it.
     *
     * @throws CommandFailedException the switch would not show its configuration
     */
    public void readDefaultResult() throws SwitchException {
        JsonObject result = transport.runCmds(List.of(SetupPlan.SHOW_DEFAULT_RESULT), Transport.Format.TEXT).get(0);
        if (defaultResult != LayoutCheck.DefaultResult.UNSUPPORTED) {
            defaultResult = InterfaceConfig.lines(result).contains(SetupPlan.DEFAULT_RESULT)
                    ? LayoutCheck.DefaultResult.PRESENT : LayoutCheck.DefaultResult.ABSENT;
        }
    }

    /**
     * Reads every managed list, both families, in one call. A list the switch does not have
     * reads as empty.
     */
    public Map<AclKey, List<AclEntry>> readAcls() throws SwitchException {
        return read().acls();
    }

    /**
     * Reads every managed list, both families, and the lists' bindings ({@code show ip|ipv6
     * access-lists summary}) in one call, and judges the layout from it: each list exists, counts
     * per entry (its counts current and complete), holds the four permits and is bound inbound
     * where {@code [ports]} says. The default-result setting is reported as setup or
     * {@link #readDefaultResult()} last found it. A switch that refuses the summaries is read
     * without them from then on (bindings are then checked by setup only), with a warning.
     */
    @Override
    public SwitchRead read() throws SwitchException {
        if (acls.isEmpty()) {
            return new SwitchRead(Map.of(), LayoutReport.OK);
        }
        boolean withSummaries = summaries;
        List<String> commands = new ArrayList<>(acls.size() + 2);
        acls.forEach(acl -> commands.add(AclCommands.show(acl)));
        if (withSummaries) {
            for (Family family : Family.values()) {
                commands.add("show " + family.keyword() + " access-lists summary");
            }
        }
        List<Object> results;
        try {
            results = transport.runCmds(commands, decoder);
        } catch (CommandFailedException e) {
            if (!withSummaries || e.failedIndex() < acls.size()) {
                throw e;
            }
            summaries = false;
            LOG.warn("{} refused '{}' ({}): ACL bindings are checked by setup only", describe(), e.failedCommand(),
                    String.join("; ", e.errors()));
            return read();
        }
        Map<AclKey, List<AclEntry>> read = new LinkedHashMap<>();
        LayoutCheck check = new LayoutCheck();
        Map<String, List<String>> portsByAcl = LayoutCheck.portsByAcl(ports);
        for (int i = 0; i < acls.size(); i++) {
            AclKey acl = acls.get(i);
            AclReader.AclState state = (AclReader.AclState) results.get(i);
            read.put(acl, state == null ? List.of() : state.entries());
            AclSummary summary = withSummaries
                    ? (AclSummary) results.get(acls.size() + acl.family().ordinal()) : null;
            check.acl(acl, state, summary, portsByAcl.getOrDefault(acl.name(), List.of()));
        }
        check.defaultResult(defaultResult);
        reader.endGeneration();
        return new SwitchRead(read, check.report());
    }

    /**
     * Adds {@code SEQ deny RULE} lines, grouped by list, in one call, which ends by reading the
     * summaries of the lists. Each list's lines follow its layout ({@link SetupPlan#wholeList}) in
     * the same group change, so a list that a write creates because it was gone (a reload or a hand
     * edit since the last read) counts per entry and holds its permits the moment it exists; the
     * summaries show whether it is bound.
     *
     * @return what the summaries show wrong with the lists written to; empty when they are whole
     *     (or the switch gives no summaries)
     * @throws EntryWriteException the switch refused one line; the exception says which and which
     *         lines stand, and whether EOS refused it as a {@code Duplicate sequence number}
     */
    @Override
    public List<LayoutProblem> write(List<EntryWrite> writes) throws SwitchException {
        return write(List.of(), writes);
    }

    /**
     * As {@link #write(List)}, removing {@code removals} ({@code no SEQ}) first, in the same call:
     * the lines a write makes room for leave the switch in the call that adds theirs. A removal the
     * switch refuses throws its {@link CommandFailedException}: no line was added.
     */
    @Override
    public List<LayoutProblem> write(List<EntryRef> removals, List<EntryWrite> writes) throws SwitchException {
        if (writes.isEmpty() && removals.isEmpty()) {
            return List.of();
        }
        Map<AclKey, List<EntryWrite>> groups = new LinkedHashMap<>();
        for (EntryWrite write : writes) {
            groups.computeIfAbsent(write.acl(), k -> new ArrayList<>()).add(write);
        }
        List<String> commands = new ArrayList<>(writes.size() + removals.size() + 16 + acls.size() * 10);
        commands.add("enable");
        commands.add("configure");
        Map<AclKey, List<EntryRef>> removed = new LinkedHashMap<>();
        removals.forEach(e -> removed.computeIfAbsent(e.acl(), k -> new ArrayList<>()).add(e));
        removed.forEach((acl, refs) -> {
            commands.add(AclCommands.mode(acl));
            refs.forEach(ref -> commands.add("no " + ref.sequence()));
        });
        int firstWrite = commands.size();
        List<EntryWrite> byCommand = new ArrayList<>(firstWrite + writes.size() + groups.size() * 10);
        byCommand.addAll(Collections.nCopies(firstWrite, null));
        reader.remember(writes);
        // A rule goes into every list of its family under one number, in the same order in each:
        // the n-th line of a list is usually the n-th of the list before, and its command is that
        // one's, not built again.
        List<EntryWrite> before = List.of();
        int beforeAt = 0;
        for (Map.Entry<AclKey, List<EntryWrite>> group : groups.entrySet()) {
            List<EntryWrite> lines = group.getValue();
            commands.add(AclCommands.mode(group.getKey()));
            byCommand.add(lines.get(0));
            for (String layout : SetupPlan.wholeList(group.getKey())) {
                commands.add(layout);
                byCommand.add(lines.get(0));
            }
            int at = commands.size();
            for (int i = 0; i < lines.size(); i++) {
                EntryWrite line = lines.get(i);
                EntryWrite same = i < before.size() ? before.get(i) : null;
                boolean again = same != null && same.rule() == line.rule() && same.sequence() == line.sequence();
                commands.add(again ? commands.get(beforeAt + i) : line.sequence() + " deny " + line.rule().text());
                byCommand.add(line);
            }
            before = lines;
            beforeAt = at;
        }
        boolean withSummaries = summaries;
        if (withSummaries) {
            commands.add("exit");
            for (Family family : Family.values()) {
                commands.add("show " + family.keyword() + " access-lists summary");
            }
        }
        List<AclSummary> results;
        try {
            results = transport.runCmds(commands,
                    new WriteDecoder(withSummaries ? commands.size() - Family.values().length : commands.size()));
        } catch (CommandFailedException e) {
            int index = e.failedIndex();
            if (withSummaries && index >= byCommand.size()) {
                summaries = false;
                LOG.warn("{} refused '{}' ({}): ACL bindings are checked by setup only", describe(),
                        e.failedCommand(), String.join("; ", e.errors()));
                return List.of();
            }
            if (index < firstWrite || index >= byCommand.size()) {
                throw e;
            }
            EntryWrite failed = byCommand.get(index);
            List<EntryWrite> ordered = new ArrayList<>(writes.size());
            groups.values().forEach(ordered::addAll);
            throw refused(failed, ordered.subList(0, ordered.indexOf(failed)), e);
        }
        if (!withSummaries) {
            return List.of();
        }
        List<AclSummary> summary = List.of(results.get(results.size() - 2), results.get(results.size() - 1));
        Map<String, List<String>> portsByAcl = LayoutCheck.portsByAcl(ports);
        LayoutCheck check = new LayoutCheck();
        for (AclKey acl : groups.keySet()) {
            check.written(acl, summary.get(acl.family().ordinal()), portsByAcl.getOrDefault(acl.name(), List.of()));
        }
        return check.report().problems();
    }

    /**
     * The switch refused {@code failed}, one of the lines of a write call ({@code applied} ran before
     * it). EOS answers {@value #SEQUENCE_TAKEN} when the number holds another line.
     */
    private static EntryWriteException refused(EntryWrite failed, List<EntryWrite> applied, CommandFailedException e) {
        List<String> reasons = e.errors().isEmpty() ? List.of("eAPI error " + e.code()) : e.errors();
        if (e.errors().stream().anyMatch(reason -> reason.contains(SEQUENCE_TAKEN))) {
            return EntryWriteException.sequenceTaken(e.switchName(), failed, applied, reasons, e);
        }
        return EntryWriteException.refused(e.switchName(), failed, applied, reasons, e);
    }

    /** Removes lines by sequence number ({@code no SEQ}), grouped by list, in one call. */
    @Override
    public void remove(List<EntryRef> entries) throws SwitchException {
        if (entries.isEmpty()) {
            return;
        }
        Map<AclKey, List<EntryRef>> groups = new LinkedHashMap<>();
        entries.forEach(e -> groups.computeIfAbsent(e.acl(), k -> new ArrayList<>()).add(e));
        List<String> commands = new ArrayList<>(List.of("enable", "configure"));
        groups.forEach((acl, refs) -> {
            commands.add(AclCommands.mode(acl));
            refs.forEach(ref -> commands.add("no " + ref.sequence()));
        });
        transport.runCmds(commands);
    }

    /** The octet counters of every interface the switch reports, by interface name. */
    @Override
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

    /** Closes the transport. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "EosSwitch[" + transport.describe() + ", acls=" + acls + "]";
    }
}
