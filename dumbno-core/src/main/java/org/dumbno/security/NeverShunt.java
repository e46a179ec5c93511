package org.dumbno.security;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.dumbno.rule.Addresses;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;

/**
 * Networks that are never shunted ({@code [dumbno] never_shunt}): a shunt blinds the IDS to a flow,
 * so a request that would hide traffic of these hosts is refused, whoever sends it.
 *
 * <p>A request is refused when its src or dst lies in a protected network, and also when a side is
 * {@code any} while a protected network of the request's family exists, because a rule with
 * {@code any} on that side covers the protected hosts too. The check reads the request's addresses,
 * which every rule made from it keeps: the two-tuple rewrite drops protocol and ports, never an
 * address, so it cannot widen a rule onto a protected host.
 */
final class NeverShunt {
    private final List<IPAddress> blocks;

    NeverShunt(List<IPAddress> prefixes) {
        this.blocks = Addresses.blocks(List.copyOf(prefixes));
    }

    /**
     * Empty when {@code request} touches no protected network, else the reason, for example
     * {@code dst 192.0.2.53 is in never_shunt 192.0.2.53/32} or
     * {@code src any would cover never_shunt 192.0.2.53/32}.
     */
    Optional<String> check(Request request) {
        boolean ipv6 = request.family() == Family.IPV6;
        Optional<String> src = side("src", request.src(), ipv6);
        return src.isPresent() ? src : side("dst", request.dst(), ipv6);
    }

    /** Runs for every request and every switch: a plain loop, nothing built unless a block matches. */
    private Optional<String> side(String name, IPAddress address, boolean ipv6) {
        for (IPAddress block : blocks) {
            if (address == null && block.isIPv6() == ipv6) {
                return Optional.of(name + " any would cover never_shunt " + block.toCanonicalString());
            }
            if (address != null && Addresses.contains(block, address)) {
                return Optional.of(name + " " + address.toCanonicalString() + " is in never_shunt "
                        + block.toCanonicalString());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return blocks.stream().map(IPAddress::toCanonicalString).toList().toString();
    }
}
