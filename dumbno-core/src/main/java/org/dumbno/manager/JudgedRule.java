package org.dumbno.manager;

import inet.ipaddr.IPAddress;
import java.util.Set;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;

/**
 * A request's rule built once for several engines: the rule {@code request.toRule(twoTupleHosts)}
 * gives. An engine takes it only when its own {@code two_tuple_hosts} are the same; otherwise it
 * builds its own, as for a request on its own.
 */
record JudgedRule(Set<IPAddress> twoTupleHosts, Rule rule) {

    /** The rule of {@code request} under {@code hosts}, or null when the request has none (each engine refuses it). */
    static JudgedRule of(Request request, Set<IPAddress> hosts) {
        try {
            return new JudgedRule(hosts, request.toRule(hosts));
        } catch (InvalidRequestException e) {
            return null;
        }
    }

    /** The rule of {@code request} for an engine with {@code hosts}: this one's, or one built anew. */
    static Rule ruleFor(JudgedRule judged, Request request, Set<IPAddress> hosts) {
        if (judged != null && (judged.twoTupleHosts == hosts || judged.twoTupleHosts.equals(hosts))) {
            return judged.rule;
        }
        return request.toRule(hosts);
    }
}
