package org.dumbno.rule;

import java.util.Optional;

/**
 * A check the engine runs on every request before it is queued: empty lets the request through,
 * a reason refuses it, and the sensor gets {@code error: <reason>}. dumbno's own is
 * {@code never_shunt} ({@code Security.requestFilter()}).
 */
@FunctionalInterface
public interface RequestFilter {
    /** The filter that refuses nothing. */
    RequestFilter NONE = request -> Optional.empty();

    /**
     * Why {@code request}'s flow must not be shunted, as a sensor operator reads it (e.g.
     * {@code dst 192.0.2.53 is in never_shunt 192.0.2.53/32}); empty to let it through.
     */
    Optional<String> check(Request request);
}
