package org.dumbno.manager;

/** Why a shunt left the switch. */
public enum RemovalReason {
    /** Its packet counter did not move between two sweeps. */
    IDLE,
    /** It was older than the configured hard timeout. */
    HARD_TIMEOUT,
    /** It disappeared from the switch without dumbno removing it. */
    BY_HAND,
    /** Its whole list vanished (a reload, a hand edit): a layout event, repaired as such. */
    LAYOUT,
    /** A request ({@code "op": "remove"}, {@code dumbno remove}) took it away. */
    REQUEST,
    /**
     * It matched the fewest packets per second when the table was full ({@code when_full = evict}):
     * removed in the call that installed a new rule in its place.
     */
    EVICTED
}
