package org.dumbno.zeek;

import java.util.Map;

/**
 * The Zeek connection's state and its events so far, by fully qualified name ({@code other} for
 * events dumbno does not know).
 *
 * @param connected whether a connection to Zeek is up and subscribed
 * @param received events received, by name
 * @param sent events sent, by name
 */
public record ZeekStats(boolean connected, Map<String, Long> received, Map<String, Long> sent) {

    public ZeekStats {
        received = Map.copyOf(received);
        sent = Map.copyOf(sent);
    }
}
