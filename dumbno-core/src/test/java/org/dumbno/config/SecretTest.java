package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void printsAsStarsAndRevealsOnRequest() {
        Secret secret = Secret.of("hunter2");

        assertEquals("****", secret.toString());
        assertEquals("****", String.valueOf(secret));
        assertEquals("hunter2", secret.reveal());
    }

    @Test
    void comparesByValue() {
        assertEquals(Secret.of("a"), Secret.of("a"));
        assertNotEquals(Secret.of("a"), Secret.of("b"));
        assertEquals(Secret.of("a").hashCode(), Secret.of("b").hashCode());
    }

    @Test
    void emptyStringIsTheEmptySecret() {
        assertSame(Secret.empty(), Secret.of(""));
        assertTrue(Secret.empty().isEmpty());
    }
}
