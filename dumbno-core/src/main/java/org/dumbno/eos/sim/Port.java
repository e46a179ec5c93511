package org.dumbno.eos.sim;

import java.util.EnumMap;
import java.util.Map;
import org.dumbno.rule.Family;

/** One front-panel interface: its counters and ingress ACL bindings; guarded by the switch's lock. */
final class Port {
    final String name;
    final Map<Family, String> ingressAcls = new EnumMap<>(Family.class);
    long inOctets;
    long outOctets;
    long inUcastPkts;
    long outUcastPkts;

    Port(String name) {
        this.name = name;
    }
}
