package org.dumbno.zeek;

import java.util.List;
import java.util.Locale;
import org.dumbno.client.Op;
import org.dumbno.manager.RemovedShunt;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain path: {@code Dumbno::request(cookie, op, src, dst, proto, sport, dport)} in, answered
 * {@code Dumbno::reply(cookie, result)} with exactly the UDP reply; {@code Dumbno::removed(cookie,
 * reason, packets)} when a shunt added this way goes, however it goes ({@code idle},
 * {@code hard_timeout}, {@code by_hand}, {@code request}). {@code ""} and {@code 0} mean any;
 * {@code op} is {@code add} (or {@code ""}) or {@code remove}.
 */
final class PlainRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PlainRequests.class);
    static final String REPLY_TOPIC = "reply";

    private final Shunter shunter;
    private final Publisher publisher;
    private final Watchers watchers;

    PlainRequests(Shunter shunter, Publisher publisher, Watchers watchers) {
        this.shunter = shunter;
        this.publisher = publisher;
        this.watchers = watchers;
    }

    void request(Message.Event event) {
        List<BrokerValue> args = event.args();
        long cookie;
        try {
            cookie = args.get(0).identifier("cookie");
        } catch (IndexOutOfBoundsException | InvalidRequestException e) {
            LOG.warn("zeek: {} without a cookie to answer to, ignored: {}", event.name(),
                    e instanceof InvalidRequestException ? e.getMessage() : "no arguments");
            return;
        }
        Op op;
        Request request;
        try {
            if (args.size() != 7) {
                throw new InvalidRequestException(event.name() + " has " + args.size() + " arguments, not 7");
            }
            op = Op.parse(args.get(1).string("op"));
            request = Request.of(args.get(2).string("src"), args.get(3).string("dst"), args.get(4).string("proto"),
                    port(args.get(5), "sport"), port(args.get(6), "dport"));
        } catch (IllegalArgumentException e) {
            reply(cookie, WireReply.error(e.getMessage()));
            return;
        }
        if (op == Op.ADD) {
            add(cookie, request);
        } else {
            shunter.remove(request).thenAccept(outcome -> reply(cookie, WireReply.of(outcome)));
        }
    }

    private void add(long cookie, Request request) {
        shunter.add(request).thenAccept(outcome -> {
            if (outcome.ok()) {
                watchers.watch(outcome.rule(), new Adder(cookie));
            }
            reply(cookie, WireReply.of(outcome));
        });
    }

    /** The request that added a shunt, told when it goes; one per cookie and rule. */
    private final class Adder implements Watchers.Watcher {
        private final long cookie;

        Adder(long cookie) {
            this.cookie = cookie;
        }

        @Override
        public void removed(RemovedShunt shunt) {
            publisher.publish(REPLY_TOPIC, Events.REMOVED, List.of(BrokerValue.ofCount(cookie),
                    BrokerValue.ofString(shunt.reason().name().toLowerCase(Locale.ROOT)),
                    BrokerValue.ofCount(shunt.packets())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Adder adder && adder.cookie == cookie;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cookie);
        }
    }

    private static int port(BrokerValue value, String field) {
        long port = value.count(field);
        if (port > 65535) {
            throw InvalidRequestException.of(field, port, "must be 1-65535");
        }
        return (int) port;
    }

    private void reply(long cookie, String result) {
        publisher.publish(REPLY_TOPIC, Events.REPLY, List.of(BrokerValue.ofCount(cookie), BrokerValue.ofString(result)));
    }
}
