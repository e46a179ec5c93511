package org.dumbno.eos.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Rule;

/**
 * Everything the simulated switch holds: interfaces with their counters and bindings, the access
 * lists of both families and the TCAM. Not thread-safe: the switch guards it with one lock.
 */
final class SwitchState {
    final String hostname;
    final Clock clock;
    final Tcam tcam;
    final java.time.Instant bootedAt;
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final List<Port> egress = new ArrayList<>();
    private final Map<Family, Map<String, AccessList>> acls = new EnumMap<>(Family.class);
    /** Whether {@code hardware access-list update default-result permit} is configured. */
    boolean defaultResultPermit;
    /** Whether the platform has that setting at all. */
    boolean defaultResultSupported = true;

    SwitchState(String hostname, Clock clock, List<String> interfaces, List<String> egressInterfaces) {
        this.hostname = hostname;
        this.clock = clock;
        this.tcam = new Tcam(hostname);
        this.bootedAt = clock.instant();
        for (String name : interfaces) {
            ports.put(name, new Port(name));
        }
        for (String name : egressInterfaces) {
            egress.add(ports.computeIfAbsent(name, Port::new));
        }
        for (Family family : Family.values()) {
            acls.put(family, new TreeMap<>());
        }
    }

    Collection<Port> ports() {
        return ports.values();
    }

    /**
     * The interface a CLI name means: the exact name, or the same name in another case or with
     * the type abbreviated ({@code et1}, {@code ethernet1}); null when there is none.
     */
    Port port(String typed) {
        Port exact = ports.get(typed);
        if (exact != null) {
            return exact;
        }
        int digits = firstDigit(typed);
        if (digits <= 0) {
            return null;
        }
        String type = typed.substring(0, digits).toLowerCase(Locale.ROOT);
        String number = typed.substring(digits);
        for (Port port : ports.values()) {
            int split = firstDigit(port.name);
            if (split > 0 && port.name.substring(split).equals(number)
                    && port.name.substring(0, split).toLowerCase(Locale.ROOT).startsWith(type)) {
                return port;
            }
        }
        return null;
    }

    private static int firstDigit(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isDigit(name.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reloads: the switch comes back with an empty startup configuration, so every access list,
     * every binding and the default-result setting are gone; interface counters start again.
     */
    void reload() {
        for (Family family : Family.values()) {
            for (String name : List.copyOf(acls.get(family).keySet())) {
                removeAcl(family, name);
            }
        }
        for (Port port : ports.values()) {
            port.ingressAcls.clear();
            port.inOctets = 0;
            port.outOctets = 0;
            port.inUcastPkts = 0;
            port.outUcastPkts = 0;
        }
        defaultResultPermit = false;
    }

    AccessList acl(Family family, String name) {
        return acls.get(family).get(name);
    }

    Collection<AccessList> acls(Family family) {
        return acls.get(family).values();
    }

    AccessList createAcl(Family family, String name) {
        return acls.get(family).computeIfAbsent(name, n -> new AccessList(n, family));
    }

    void removeAcl(Family family, String name) {
        AccessList removed = acls.get(family).remove(name);
        if (removed != null) {
            removed.entries().forEach(tcam::remove);
        }
    }

    /**
     * Adds an entry; the caller checked the number is free. {@code plainText}: whether the rule's
     * canonical text is {@linkplain JsonBuffer#isPlain plain}, judged once for the entries one call
     * writes for one rule.
     */
    void addEntry(AccessList acl, long sequence, SimulatedEntry.Action action, Rule rule, boolean plainText) {
        LiveEntry entry = new LiveEntry(sequence, action, rule, plainText);
        acl.put(entry);
        tcam.add(entry);
    }

    /** Takes a line out of the configuration; its place in the hardware table stays until {@link #release}. */
    LiveEntry takeEntry(AccessList acl, long sequence) {
        return acl.remove(sequence);
    }

    /** Puts back a line {@link #takeEntry} took out, as it was: place in the table, counters. */
    void restoreEntry(AccessList acl, LiveEntry entry) {
        acl.put(entry);
    }

    /** Frees the hardware place of a line {@link #takeEntry} took out. */
    void release(LiveEntry entry) {
        tcam.remove(entry);
    }

    void removeEntry(AccessList acl, long sequence) {
        LiveEntry removed = acl.remove(sequence);
        if (removed != null) {
            tcam.remove(removed);
        }
    }

    /**
     * Passes traffic through the ingress ACLs of {@code ingress}; true when it was not dropped. What
     * passes leaves through one egress interface, chosen by the flow as a tap aggregator balances a
     * tool group, so the egress counters add up to what the ACLs let through.
     */
    boolean send(Port ingress, Flow flow, long packets, long bytes) {
        ingress.inOctets += bytes;
        ingress.inUcastPkts += packets;
        String aclName = ingress.ingressAcls.get(flow.family());
        AccessList acl = aclName == null ? null : acl(flow.family(), aclName);
        boolean permitted = acl == null || permits(acl, flow, packets, bytes);
        if (permitted && !egress.isEmpty()) {
            int hash = java.util.Objects.hash(flow.protocol(), flow.src(), flow.sport(), flow.dst(), flow.dport());
            Port out = egress.get(Math.floorMod(hash, egress.size()));
            out.outOctets += bytes;
            out.outUcastPkts += packets;
        }
        return permitted;
    }

    /** First match decides; a packet no entry matches meets the implicit deny at the end. */
    private boolean permits(AccessList acl, Flow flow, long packets, long bytes) {
        LiveEntry match = acl.firstMatch(flow);
        if (match == null) {
            return false;
        }
        if (acl.countersPerEntry && acl.staleCounters) {
            match.hold(packets, bytes, clock.instant());
        } else if (acl.countersPerEntry) {
            match.count(packets, bytes, clock.instant());
        }
        return match.action() == SimulatedEntry.Action.PERMIT;
    }
}
