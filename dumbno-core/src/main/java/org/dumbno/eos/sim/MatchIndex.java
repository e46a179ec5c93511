package org.dumbno.eos.sim;

import inet.ipaddr.IPAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.dumbno.rule.Endpoint;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Rule;

/**
 * Finds the entry of one access list that decides a packet, without trying every entry: an entry
 * that matches exactly one flow (one protocol, host to host, each port named where the protocol has
 * ports, no flags) is found by that flow; the few others (the permits, any wider rule) are tried in
 * sequence order, and the lower-numbered of the two candidates decides. Unprogrammed entries
 * match nothing. The index is built when the first packet meets the list, and kept from then on:
 * a list only ever written and read costs nothing more. Guarded by the switch's lock.
 */
final class MatchIndex {
    /** Every entry of the list, in sequence order. */
    private final Collection<LiveEntry> all;
    /** Entries that match more than one flow, by sequence number. */
    private final NavigableMap<Long, LiveEntry> general = new TreeMap<>();
    /** Entries that match exactly one flow, by that flow: the lowest-numbered first, then the rest in order. */
    private final Map<FlowKey, LiveEntry> exact = new HashMap<>();
    /**
     * For an entry of {@link #exact} followed by another for the same flow, that next one: a list
     * seldom holds two lines for one flow, so the few links are kept here rather than in every entry.
     */
    private final Map<LiveEntry, LiveEntry> next = new IdentityHashMap<>();
    /** Whether a packet has met the list: from then on every entry is in the index. */
    private boolean built;

    /** What an entry matching exactly one flow, or a packet, is found by. */
    private record FlowKey(Family family, int protocol, Endpoint src, Endpoint dst) {
    }

    /** An index of the entries {@code all} holds, told of each change by {@link #add} and {@link #remove}. */
    MatchIndex(Collection<LiveEntry> all) {
        this.all = all;
    }

    void add(LiveEntry entry) {
        if (built) {
            index(entry);
        }
    }

    private void index(LiveEntry entry) {
        FlowKey key = keyOf(entry.rule);
        if (key == null) {
            general.put(entry.sequence(), entry);
            return;
        }
        LiveEntry first = exact.get(key);
        if (first == null || entry.sequence() < first.sequence()) {
            link(entry, first);
            exact.put(key, entry);
            return;
        }
        LiveEntry before = first;
        for (LiveEntry after = next.get(before); after != null && after.sequence() < entry.sequence();
                after = next.get(before)) {
            before = after;
        }
        link(entry, next.get(before));
        link(before, entry);
    }

    void remove(LiveEntry entry) {
        if (!built) {
            return;
        }
        FlowKey key = keyOf(entry.rule);
        if (key == null) {
            general.remove(entry.sequence(), entry);
            return;
        }
        LiveEntry first = exact.get(key);
        LiveEntry after = next.remove(entry);
        if (first == entry) {
            if (after == null) {
                exact.remove(key);
            } else {
                exact.put(key, after);
            }
        } else {
            for (LiveEntry before = first; before != null; before = next.get(before)) {
                if (next.get(before) == entry) {
                    link(before, after);
                    break;
                }
            }
        }
    }

    /** Makes {@code after} the entry for the same flow that follows {@code entry}; null for none. */
    private void link(LiveEntry entry, LiveEntry after) {
        if (after == null) {
            next.remove(entry);
        } else {
            next.put(entry, after);
        }
    }

    /** The first programmed entry, by sequence number, that matches {@code flow}; null when none does. */
    LiveEntry firstMatch(Flow flow) {
        if (!built) {
            built = true;
            all.forEach(this::index);
        }
        FlowKey key = keyOf(flow);
        LiveEntry candidate = key == null ? null : exactMatch(key, flow);
        for (LiveEntry entry : key == null ? all : general.values()) {
            if (candidate != null && entry.sequence() > candidate.sequence()) {
                break;
            }
            if (entry.programmed && entry.rule.matches(flow)) {
                return entry;
            }
        }
        return candidate;
    }

    private LiveEntry exactMatch(FlowKey key, Flow flow) {
        LiveEntry entry = exact.get(key);
        while (entry != null && !(entry.programmed && entry.rule.matches(flow))) {
            entry = next.get(entry);
        }
        return entry;
    }

    /** The one flow {@code rule} matches, or null when it matches more than one. */
    private static FlowKey keyOf(Rule rule) {
        Protocol protocol = rule.protocol();
        Endpoint src = rule.src();
        Endpoint dst = rule.dst();
        if (protocol.isAny() || !rule.flags().isEmpty() || !src.isHost() || !dst.isHost()) {
            return null;
        }
        boolean ports = protocol.hasPorts();
        if (ports != (src.port() != 0) || ports != (dst.port() != 0)) {
            return null;
        }
        return new FlowKey(rule.family(), protocol.number(), src, dst);
    }

    /**
     * What a packet of {@code flow} is found by: its ports only where its protocol has them, as
     * {@link Rule#matches} reads them; null for an address with an IPv6 zone, which only a scan
     * of every entry judges.
     */
    private static FlowKey keyOf(Flow flow) {
        if (hasZone(flow.src()) || hasZone(flow.dst())) {
            return null;
        }
        boolean ports = new Protocol(flow.protocol()).hasPorts();
        return new FlowKey(flow.family(), flow.protocol(), Endpoint.host(flow.src(), ports ? flow.sport() : 0),
                Endpoint.host(flow.dst(), ports ? flow.dport() : 0));
    }

    private static boolean hasZone(IPAddress address) {
        return address.isIPv6() && address.toIPv6().hasZone();
    }
}
