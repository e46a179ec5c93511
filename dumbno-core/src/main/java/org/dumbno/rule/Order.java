package org.dumbno.rule;

import java.util.Objects;
import org.dumbno.client.Op;

/**
 * One datagram as read: what it asks for ({@link Op}) and of which flow.
 *
 * @param op add (the default) or remove
 * @param request the flow
 */
public record Order(Op op, Request request) {

    public Order {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(request, "request");
    }

    /** An order to shunt {@code request}'s flow. */
    public static Order add(Request request) {
        return new Order(Op.ADD, request);
    }

    /** An order to take {@code request}'s shunt away. */
    public static Order remove(Request request) {
        return new Order(Op.REMOVE, request);
    }

    /**
     * Reads one datagram exactly as {@link Request#parse(byte[])} does, and its {@code op} key.
     *
     * @throws InvalidRequestException with a reason fit to send back to the sensor
     */
    public static Order parse(byte[] datagram) {
        return RequestReader.read(datagram);
    }

    /**
     * The JSON object a client sends: {@link Request#toJson()}, with {@code "op": "remove"} first
     * for a removal. An add carries no {@code op}, so that servers that predate it read it as ever.
     */
    public String toJson() {
        return request.toJson(op);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
