package org.dumbno.manager;

/**
 * What a request for a new rule meets when the engine holds {@code max_rules} shunts
 * ({@code when_full}).
 */
public enum WhenFull {
    /** It is refused {@code at capacity (N active shunts)}: the default. */
    REFUSE,
    /**
     * Room is made: the least active shunt, the one matching the fewest packets per second over the
     * recent sweeps and standing for at least one purge interval, is removed in the switch call
     * that installs the new rule ({@link RemovalReason#EVICTED}). With no such shunt, the request
     * is refused as with {@link #REFUSE}.
     */
    EVICT
}
