package org.dumbno.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures accepted lately, so that a request sent again word for word within the replay
 * window is refused. A signature is remembered until its timestamp leaves the window; at most
 * {@code capacity} are kept, the oldest forgotten first (so only more than {@code capacity} signed
 * requests within one window could let a forgotten one be replayed).
 */
final class ReplayCache {
    /** Signatures remembered at most unless configured. */
    static final int DEFAULT_CAPACITY = 65_536;

    private final int capacity;
    private final long windowSeconds;
    /** Signature to the second after which its timestamp is outside the window; in arrival order. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    ReplayCache(int capacity, long windowSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity (" + capacity + ") must be at least 1");
        }
        this.capacity = capacity;
        this.windowSeconds = windowSeconds;
    }

    /** Records {@code sig}, signed at {@code ts}: false when it was already seen. */
    synchronized boolean firstSeen(String sig, long ts, long now) {
        forgetExpired(now);
        if (seen.containsKey(sig)) {
            return false;
        }
        seen.put(sig, ts + windowSeconds);
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** How many signatures are remembered now. */
    synchronized int size() {
        return seen.size();
    }

    /**
     * Forgets, from the oldest arrival on, signatures whose window has passed. Arrival order is
     * nearly expiry order: one may linger behind a younger one, at most one window longer.
     */
    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Long>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue() < now) {
            entries.remove();
        }
    }
}
