package org.dumbno.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dumbno.rule.Rule;

/**
 * Repeated requests for rules the engine believes on the switch, waiting for a read to confirm
 * them, in two stages. First a plain read beside the writes ({@link ConfirmingReads}): at most one
 * is in flight, and requests that arrive meanwhile join it. What that read cannot settle (the rule
 * missing from a list, a list not whole or not read) goes to the write lane, whose read brings the
 * table up to date and writes the rule again where it is missing: again one read in flight at
 * most, joined by what arrives meanwhile. Not thread-safe: the engine guards it.
 */
final class Confirmations {
    /** Waiting for the next read beside the writes. */
    private List<Confirmation> fresh = new ArrayList<>();
    /** In the read beside the writes now in flight; null when none is. */
    private List<Confirmation> freshInFlight;
    /** Whether the read beside the writes in flight has got a thread and is calling the switch. */
    private boolean freshCalling;
    /** Waiting for the write lane's next read. */
    private List<Confirmation> waiting = new ArrayList<>();
    /** In the write lane's read now in flight; null when none is. */
    private List<Confirmation> inFlight;
    /** When each rule was last asked for again, oldest first. */
    private final LinkedHashMap<Rule, Instant> asked = new LinkedHashMap<>();

    /**
     * Adds a request: to the read beside the writes in flight if there is one, else to the next.
     * Notes when its rule was asked for again, and forgets the rules asked for {@code remembered}
     * (one purge interval) or longer before it, so that no rule long gone is kept.
     */
    void add(Rule rule, PendingRule.Waiter waiter, Duration remembered) {
        (freshInFlight != null ? freshInFlight : fresh).add(new Confirmation(rule, waiter, false));
        asked.remove(rule);
        asked.put(rule, waiter.since());
        forgetAskedUntil(waiter.since().minus(remembered));
    }

    /**
     * Whether {@code rule} was asked for again after {@code since}: its flow still reaches a
     * sensor, so it is no shunt to evict. Forgets what was asked until {@code since}.
     */
    boolean askedAfter(Rule rule, Instant since) {
        forgetAskedUntil(since);
        return asked.containsKey(rule);
    }

    private void forgetAskedUntil(Instant until) {
        Iterator<Map.Entry<Rule, Instant>> oldest = asked.entrySet().iterator();
        while (oldest.hasNext() && !oldest.next().getValue().isAfter(until)) {
            oldest.remove();
        }
    }

    /** Whether requests wait for a read beside the writes, and none is in flight. */
    boolean freshReadDue() {
        return freshInFlight == null && !fresh.isEmpty();
    }

    /** Starts a read beside the writes for the requests waiting; later ones join it until it is over. */
    void freshReadStarted() {
        freshInFlight = fresh;
        fresh = new ArrayList<>();
    }

    /**
     * A read beside the writes got a thread: whether it is to call the switch, for requests no other
     * read is calling for (the write lane may have taken them while it waited for one, and a read
     * started after that may have got a thread first).
     */
    boolean freshCallStarting() {
        if (freshInFlight == null || freshCalling) {
            return false;
        }
        freshCalling = true;
        return true;
    }

    /**
     * Whether the read beside the writes in flight still waits for a thread: with fewer threads than
     * the engine's own, the write lane takes its requests after a write rather than keep them
     * waiting behind every batch it writes.
     */
    boolean freshReadWaitsForAThread() {
        return freshInFlight != null && !freshCalling;
    }

    /** The requests of the read beside the writes, which is over: the engine settles them now. */
    List<Confirmation> freshReadDone() {
        List<Confirmation> done = freshInFlight == null ? List.of() : freshInFlight;
        freshInFlight = null;
        freshCalling = false;
        return done;
    }

    /**
     * Hands requests to the write lane's read: one the read beside the writes could not settle, or
     * every one waiting for such reads while they cannot be made (the switch is away).
     */
    void toLane(Confirmation confirmation) {
        waiting.add(confirmation);
    }

    /**
     * Hands every request waiting for a read beside the writes, or in the one in flight, to the
     * write lane; the read in flight, when it ends, settles none of them.
     */
    void allToLane() {
        if (freshInFlight != null) {
            waiting.addAll(freshInFlight);
            freshInFlight = null;
            freshCalling = false;
        }
        waiting.addAll(fresh);
        fresh = new ArrayList<>();
    }

    /**
     * Puts back a request the read just over could not settle (it missed a list of the rule's
     * family): it waits for the next read, ahead of later ones, once.
     */
    void readAgain(Confirmation confirmation) {
        waiting.add(0, confirmation.missedAList());
    }

    /** Whether requests wait for a read of the write lane that has not started. */
    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** The rules of the requests waiting or in flight. */
    Set<Rule> rules() {
        Set<Rule> rules = new HashSet<>();
        fresh.forEach(c -> rules.add(c.rule()));
        if (freshInFlight != null) {
            freshInFlight.forEach(c -> rules.add(c.rule()));
        }
        waiting.forEach(c -> rules.add(c.rule()));
        if (inFlight != null) {
            inFlight.forEach(c -> rules.add(c.rule()));
        }
        return rules;
    }

    /** Requests waiting or in flight. */
    int size() {
        return fresh.size() + (freshInFlight == null ? 0 : freshInFlight.size()) + waiting.size()
                + (inFlight == null ? 0 : inFlight.size());
    }

    /**
     * Starts a read of the write lane for the requests waiting for one. Requests new to the engine
     * keep going to reads beside the writes.
     */
    void readStarted() {
        inFlight = waiting;
        waiting = new ArrayList<>();
    }

    /** The requests of the read in flight, which is over: the engine answers them now. */
    List<Confirmation> readDone() {
        List<Confirmation> done = inFlight == null ? List.of() : inFlight;
        inFlight = null;
        return done;
    }

    /** The read in flight failed: its requests wait for the next one, ahead of later ones. */
    void readFailed() {
        if (inFlight != null) {
            inFlight.addAll(waiting);
            waiting = inFlight;
            inFlight = null;
        }
    }

    /** Takes every request, waiting or in flight. */
    List<Confirmation> takeAll() {
        List<Confirmation> all = new ArrayList<>(fresh);
        if (freshInFlight != null) {
            all.addAll(freshInFlight);
            freshInFlight.clear();
        }
        all.addAll(waiting);
        if (inFlight != null) {
            all.addAll(inFlight);
            inFlight.clear();
        }
        fresh = new ArrayList<>();
        waiting = new ArrayList<>();
        return all;
    }

    /**
     * Takes the requests for {@code rule}, waiting or in a read in flight (which then settles none
     * of them): a request to take the rule away came after them, and wins. A read beside the writes
     * that has not called the switch yet and is left with nothing to confirm makes no call; the
     * rule no longer counts as asked for again.
     */
    List<Confirmation> withdraw(Rule rule) {
        List<Confirmation> withdrawn = new ArrayList<>();
        for (List<Confirmation> list : Arrays.asList(fresh, freshInFlight, waiting, inFlight)) {
            if (list != null) {
                list.removeIf(c -> c.rule().equals(rule) && withdrawn.add(c));
            }
        }
        if (freshInFlight != null && freshInFlight.isEmpty() && !freshCalling) {
            freshInFlight = null;
        }
        asked.remove(rule);
        return withdrawn;
    }

    /** Takes the requests that have waited since before {@code cutoff}. */
    List<Confirmation> expire(Instant cutoff) {
        List<Confirmation> expired = new ArrayList<>();
        for (List<Confirmation> list : List.of(fresh, waiting)) {
            list.removeIf(c -> {
                boolean old = c.waiter().since().isBefore(cutoff);
                if (old) {
                    expired.add(c);
                }
                return old;
            });
        }
        return expired;
    }

    /**
     * One repeated request.
     *
     * @param rule its rule
     * @param waiter the request and its future
     * @param again whether a read already missed a list of its family
     */
    record Confirmation(Rule rule, PendingRule.Waiter waiter, boolean again) {
        /** The same request, after a read that came back without a list of its family. */
        Confirmation missedAList() {
            return new Confirmation(rule, waiter, true);
        }
    }
}
