package org.dumbno.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Remembering accepted signatures for as long as they could be replayed, and no longer. */
class ReplayCacheTest {

    @Test
    void aSignatureIsSeenOnlyOnceWithinTheWindow() {
        ReplayCache cache = new ReplayCache(10, 30);

        assertTrue(cache.firstSeen("a", 100, 100));
        assertFalse(cache.firstSeen("a", 100, 130));
        assertTrue(cache.firstSeen("b", 100, 130));
    }

    @Test
    void signaturesAreForgottenOnceTheirTimestampLeavesTheWindow() {
        ReplayCache cache = new ReplayCache(10, 30);
        cache.firstSeen("a", 100, 100);
        cache.firstSeen("b", 120, 120);

        cache.firstSeen("c", 131, 131);

        assertEquals(2, cache.size());
        assertFalse(cache.firstSeen("b", 120, 131));
    }

    @Test
    void theCacheNeverHoldsMoreThanItsCapacity() {
        ReplayCache cache = new ReplayCache(100, 30);
        for (int i = 0; i < 10_000; i++) {
            cache.firstSeen("sig" + i, 100, 100);
        }

        assertEquals(100, cache.size());
        assertFalse(cache.firstSeen("sig9999", 100, 100));
        assertTrue(cache.firstSeen("sig0", 100, 100), "the oldest was forgotten first");
    }
}
