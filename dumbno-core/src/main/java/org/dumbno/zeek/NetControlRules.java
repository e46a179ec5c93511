package org.dumbno.zeek;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dumbno.manager.EverySwitch;
import org.dumbno.manager.RemovalReason;
import org.dumbno.manager.RemovedShunt;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NetControl path: the Broker plugin's {@code broker_add_rule(id, r)} and
 * {@code broker_remove_rule(id, r, reason)} in; {@code broker_rule_added}, {@code _exists},
 * {@code _removed}, {@code _error} {@code (id, r, msg)} and {@code broker_rule_timeout(id, r, i)}
 * out, each echoing the Rule as received, since Zeek matches replies by the rule's id. dumbno is
 * the expiring backend: a rule's shunts going idle or past {@code expire} end it with
 * {@code broker_rule_timeout}, FlowInfo from the switch's counters.
 */
final class NetControlRules {
    private static final Logger LOG = LoggerFactory.getLogger(NetControlRules.class);
    static final String REPLY_TOPIC = "netcontrol/reply";

    private final EverySwitch manager;
    private final Publisher publisher;
    private final Watchers watchers;
    private final Clock clock;
    private final Map<String, Shunt> byId = new HashMap<>();

    NetControlRules(EverySwitch manager, Publisher publisher, Watchers watchers, Clock clock) {
        this.manager = manager;
        this.publisher = publisher;
        this.watchers = watchers;
        this.clock = clock;
    }

    void add(Message.Event event) {
        Received received = received(event, 2);
        NetControlRule rule = received == null ? null : rule(received);
        if (rule != null) {
            each(rule, manager::add).thenAccept(outcomes -> added(received, rule, outcomes));
        }
    }

    void remove(Message.Event event) {
        Received received = received(event, 3);
        NetControlRule rule = received == null ? null : rule(received);
        if (rule == null) {
            return;
        }
        synchronized (this) {
            Shunt shunt = byId.remove(rule.id());
            if (shunt != null) {
                shunt.removing = true;
            }
        }
        each(rule, manager::remove).thenAccept(outcomes -> removed(received, outcomes));
    }

    /** The rule dumbno reads from {@code received}; null when it cannot, which is answered. */
    private NetControlRule rule(Received received) {
        try {
            return NetControlRule.read(received.rule);
        } catch (InvalidRequestException e) {
            reply(Events.RULE_ERROR, received, e.getMessage());
            return null;
        }
    }

    /** {@code op} on each of the rule's requests; completes with every outcome, in order. */
    private static CompletableFuture<List<ShuntOutcome>> each(NetControlRule rule,
            Function<Request, CompletableFuture<ShuntOutcome>> op) {
        List<CompletableFuture<ShuntOutcome>> outcomes = rule.requests().stream().map(op).toList();
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    private void removed(Received received, List<ShuntOutcome> outcomes) {
        for (ShuntOutcome outcome : outcomes) {
            if (!outcome.ok()) {
                reply(Events.RULE_ERROR, received, outcome.reason());
                return;
            }
        }
        boolean wasThere = outcomes.stream().anyMatch(o -> o.status() == ShuntOutcome.Status.REMOVED);
        reply(Events.RULE_REMOVED, received, wasThere ? "removed from the switch" : "was not on the switch");
    }

    private void added(Received received, NetControlRule rule, List<ShuntOutcome> outcomes) {
        for (ShuntOutcome outcome : outcomes) {
            if (!outcome.ok()) {
                takeBack(rule, outcomes).whenComplete((done, error) ->
                        reply(Events.RULE_ERROR, received, outcome.reason()));
                return;
            }
        }
        Set<Rule> rules = new HashSet<>();
        outcomes.forEach(outcome -> rules.add(outcome.rule()));
        Shunt shunt = new Shunt(received, rule.id(), rules);
        Shunt replaced;
        Set<Rule> unwatched = Set.of();
        synchronized (this) {
            replaced = byId.put(rule.id(), shunt);
            if (replaced != null) {
                replaced.removing = true;
                unwatched = Set.copyOf(replaced.remaining);
            }
        }
        unwatched.forEach(r -> watchers.unwatch(r, replaced));
        rules.forEach(r -> watchers.watch(r, shunt));
        rule.expire().ifPresent(expire -> {
            Instant deadline = clock.instant().plus(expire);
            rules.forEach(r -> manager.expireAt(r, deadline));
        });
        boolean existed = outcomes.stream().allMatch(o -> o.status() == ShuntOutcome.Status.ALREADY_PRESENT);
        String seqs = String.join(", ", outcomes.stream().map(o -> o.rule().text() + " (seq " + o.sequence() + ")")
                .toList());
        reply(existed ? Events.RULE_EXISTS : Events.RULE_ADDED, received, seqs);
    }

    /**
     * Removes the shunts this rule installed (not those already there for others), since Zeek is
     * told that the rule failed and never asks for them to go.
     */
    private CompletableFuture<Void> takeBack(NetControlRule rule, List<ShuntOutcome> outcomes) {
        List<CompletableFuture<ShuntOutcome>> removals = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).status() == ShuntOutcome.Status.INSTALLED) {
                removals.add(manager.remove(rule.requests().get(i)));
            }
        }
        return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new));
    }

    /**
     * The id and rule of a rule event with its {@code arguments}; null when there is none to go on:
     * one with other arguments but an id and a rule is answered {@code broker_rule_error}, one
     * without is logged.
     */
    private Received received(Message.Event event, int arguments) {
        Received received;
        try {
            if (event.args().size() < 2) {
                throw new InvalidRequestException("it has " + event.args().size() + " arguments, not " + arguments);
            }
            long id = event.args().get(0).identifier("id");
            event.args().get(1).vector("rule");
            received = new Received(id, event.args().get(1));
        } catch (InvalidRequestException e) {
            LOG.warn("zeek: {} cannot be answered: {}", event.name(), e.getMessage());
            return null;
        }
        if (event.args().size() != arguments) {
            reply(Events.RULE_ERROR, received, event.name() + " has " + event.args().size() + " arguments, not "
                    + arguments);
            return null;
        }
        return received;
    }

    private void reply(String name, Received received, String message) {
        publisher.publish(REPLY_TOPIC, name, List.of(BrokerValue.ofCount(received.id), received.rule.json(),
                BrokerValue.ofString(message)));
    }

    private void ended(Shunt shunt, RemovalReason reason) {
        if (reason == RemovalReason.IDLE || reason == RemovalReason.HARD_TIMEOUT) {
            JsonObject flowInfo = BrokerValue.ofVector(List.of(
                    BrokerValue.ofTimespan(shunt.duration.truncatedTo(ChronoUnit.MILLIS)),
                    BrokerValue.ofCount(shunt.packets), BrokerValue.ofCount(shunt.bytes)));
            publisher.publish(REPLY_TOPIC, Events.RULE_TIMEOUT, List.of(BrokerValue.ofCount(shunt.received.id),
                    shunt.received.rule.json(), flowInfo));
        } else {
            reply(Events.RULE_REMOVED, shunt.received, "removed from the switch ("
                    + reason.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** The id and the Rule as Zeek sent them. */
    private record Received(long id, BrokerValue rule) {
    }

    /** One NetControl rule on the switch: it ends when the last of its shunts goes. */
    private final class Shunt implements Watchers.Watcher {
        private final Received received;
        private final String id;
        private final Set<Rule> remaining;
        private long packets;
        private long bytes;
        private Duration duration = Duration.ZERO;
        /** Zeek asked for it to go: its removal is answered by the request, not reported. */
        private boolean removing;

        Shunt(Received received, String id, Set<Rule> rules) {
            this.received = received;
            this.id = id;
            this.remaining = new HashSet<>(rules);
        }

        @Override
        public void removed(RemovedShunt gone) {
            synchronized (NetControlRules.this) {
                remaining.remove(gone.rule());
                packets += gone.packets();
                bytes += gone.bytes();
                duration = gone.age().compareTo(duration) > 0 ? gone.age() : duration;
                if (!remaining.isEmpty() || removing) {
                    return;
                }
                byId.remove(id, this);
            }
            ended(this, gone.reason());
        }
    }
}
