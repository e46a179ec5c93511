package org.dumbno.security;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A check the UDP server runs on every datagram before it reads the request in it. An empty result
 * lets the datagram through; a reason refuses it, and the server replies {@code error: <reason>}.
 */
@FunctionalInterface
public interface RequestGate {

    /**
     * Whether {@code datagram}, received from {@code client}, may go on to be read and shunted.
     *
     * @return empty to let it through, or the refusal reason in plain words (without {@code error: })
     */
    Optional<String> check(InetSocketAddress client, byte[] datagram);
}
