package org.dumbno.server;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Decides, before a datagram is even read, whether a client may ask at all: the place for an
 * allow-list, a rate limit or a signature check. It runs on a worker thread, never on the receive
 * loop, and must not block.
 */
@FunctionalInterface
public interface RequestGate {

    /** The gate that lets every datagram through. */
    RequestGate ALLOW_ALL = (client, datagram) -> Optional.empty();

    /**
     * Checks one datagram from {@code client}.
     *
     * @param datagram the raw bytes, at most 1500; the gate must not change them
     * @return empty to let the request through, or the reason it is refused, which is sent back to
     *     the client as {@code error: <reason>}
     */
    Optional<String> check(InetSocketAddress client, byte[] datagram);
}
