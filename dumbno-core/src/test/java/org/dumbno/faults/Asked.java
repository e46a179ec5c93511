package org.dumbno.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.server.WireReply;

/**
 * One request made of an engine and what became of it.
 *
 * @param request what was asked
 * @param outcome completed when the engine settled it
 */
record Asked(Request request, CompletableFuture<ShuntOutcome> outcome) {

    /** Asks {@code shunter} for every request, in order. */
    static List<Asked> ask(Shunter shunter, Collection<Request> requests) {
        List<Asked> asked = new ArrayList<>();
        for (Request request : requests) {
            asked.add(new Asked(request, shunter.add(request)));
        }
        return asked;
    }

    /** {@code count} TCP requests: number i from 10.1.0.(i+1):(40000+i) to 192.0.2.9:443. */
    static List<Request> ipv4(int from, int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            requests.add(Request.of(ipv4Source(i), "192.0.2.9", "tcp", 40_000 + i, 443));
        }
        return requests;
    }

    /** The flow the {@code i}-th request of {@link #ipv4} shunts. */
    static Flow ipv4Flow(int i) {
        return Flow.of(Protocol.TCP, ipv4Source(i), 40_000 + i, "192.0.2.9", 443);
    }

    private static String ipv4Source(int i) {
        return "10.1." + i / 250 + "." + (i % 250 + 1);
    }

    /** {@code count} single-host requests from 2001:db8::{from}, ... */
    static List<Request> ipv6(int from, int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            requests.add(Request.of("2001:db8::" + Integer.toHexString(i + 1), null, null, null, null));
        }
        return requests;
    }

    /** The reply so far, null while the request waits. */
    String reply() {
        ShuntOutcome done = outcome.getNow(null);
        return done == null ? null : WireReply.of(done);
    }

    Rule rule() {
        return request.toRule();
    }

    /** The rules of the requests answered {@code ok}. */
    static Set<Rule> acknowledged(Collection<Asked> asked) {
        return asked.stream().filter(a -> "ok".equals(a.reply())).map(Asked::rule).collect(Collectors.toSet());
    }

    /** The replies, in order; null for those still waiting. */
    static List<String> replies(Collection<Asked> asked) {
        return asked.stream().map(Asked::reply).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    }
}
