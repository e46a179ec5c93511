package org.dumbno.security;

import inet.ipaddr.IPAddress;
import java.net.InetAddress;
import java.util.List;
import org.dumbno.rule.Addresses;

/**
 * The networks whose hosts may ask for shunts ({@code [dumbno] allow_clients}); an empty list lets
 * anyone ask. Prefixes of both families may be mixed. A client an IPv6 dual-stack socket reports as
 * {@code ::ffff:10.1.2.3} counts as {@code 10.1.2.3}.
 *
 * <p>A refused client gets the reply {@code error: client not allowed} rather than silence: the
 * reply is a datagram smaller than the request, so a forged source address gains an attacker no
 * amplification, while an operator whose sensor is missing from the list sees why at once. The
 * refusal is counted by {@link SecurityGate}.
 */
final class ClientAllowList {
    /** The reason a refused client is given. */
    static final String REFUSAL = "client not allowed";

    private final List<IPAddress> blocks;

    ClientAllowList(List<IPAddress> prefixes) {
        this.blocks = Addresses.blocks(List.copyOf(prefixes));
    }

    /** Whether anyone may ask, because no network is listed. */
    boolean allowsAnyone() {
        return blocks.isEmpty();
    }

    /** Whether {@code client} is in one of the listed networks, or the list is empty. */
    boolean allows(InetAddress client) {
        if (blocks.isEmpty()) {
            return true;
        }
        IPAddress address = Addresses.client(client);
        return blocks.stream().anyMatch(block -> Addresses.contains(block, address));
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "anyone" : blocks.stream().map(IPAddress::toCanonicalString).toList().toString();
    }
}
