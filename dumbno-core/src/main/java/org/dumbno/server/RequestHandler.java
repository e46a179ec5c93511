package org.dumbno.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.client.Op;
import org.dumbno.internal.Loops;
import org.dumbno.internal.SocketAddresses;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Order;
import org.dumbno.rule.Request;
import org.dumbno.server.ServerStats.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers one datagram on a worker thread: size, gate, request, then the shunter's outcome (add or remove). */
final class RequestHandler {
    /** The largest request read: one Ethernet MTU. */
    static final int MAX_DATAGRAM = 1500;
    static final String INTERNAL_ERROR = "internal error";
    static final String BUSY = "server busy";
    static final String TOO_LARGE = "request too large";

    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final Shunter shunter;
    private final RequestGate gate;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    RequestHandler(Shunter shunter, RequestGate gate, int maxInFlight) {
        this.shunter = shunter;
        this.gate = gate;
        this.maxInFlight = maxInFlight;
    }

    void handle(Exchange exchange) {
        try {
            if (exchange.size() > MAX_DATAGRAM) {
                exchange.error(ErrorKind.TOO_LARGE, TOO_LARGE);
                return;
            }
            Optional<String> refusal = gate.check(exchange.client(), exchange.datagram());
            if (refusal.isPresent()) {
                exchange.error(ErrorKind.GATE, refusal.get());
                return;
            }
            Order order;
            try {
                order = Order.parse(exchange.datagram());
            } catch (InvalidRequestException e) {
                exchange.error(ErrorKind.INVALID, e.getMessage());
                return;
            }
            shunt(exchange, order);
        } catch (Throwable t) {
            try {
                Loops.failed(LOG, "request worker (client=" + SocketAddresses.text(exchange.client()) + ")", t);
            } finally {
                exchange.error(ErrorKind.INTERNAL, INTERNAL_ERROR);
            }
        }
    }

    private void shunt(Exchange exchange, Order order) {
        Request request = order.request();
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            exchange.error(ErrorKind.BUSY, BUSY);
            return;
        }
        CompletableFuture<ShuntOutcome> outcome;
        try {
            outcome = order.op() == Op.REMOVE ? shunter.remove(request) : shunter.add(request);
        } catch (Throwable t) {
            inFlight.decrementAndGet();
            internal(exchange, request, t);
            return;
        }
        if (outcome == null) {
            inFlight.decrementAndGet();
            internal(exchange, request, new IllegalStateException("the shunter returned no future"));
            return;
        }
        outcome.whenComplete((result, failure) -> {
            inFlight.decrementAndGet();
            answer(exchange, request, result, failure);
        });
    }

    private static void answer(Exchange exchange, Request request, ShuntOutcome result, Throwable failure) {
        if (failure != null) {
            internal(exchange, request, failure);
        } else if (result == null) {
            internal(exchange, request, new IllegalStateException("the shunter gave no outcome"));
        } else if (result.ok()) {
            exchange.ok();
        } else {
            exchange.error(ErrorKind.REFUSED, result.reason());
        }
    }

    private static void internal(Exchange exchange, Request request, Throwable failure) {
        try {
            if (failure instanceof Error) {
                Loops.failed(LOG, "request worker (client=" + SocketAddresses.text(exchange.client()) + " request="
                        + request + ")", failure);
            } else {
                LOG.error("client={} request={} failed in the shunter", SocketAddresses.text(exchange.client()),
                        request, failure);
            }
        } finally {
            exchange.error(ErrorKind.INTERNAL, INTERNAL_ERROR);
        }
    }
}
