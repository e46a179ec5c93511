package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BasicAuthTest {

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"admin:pw, true", "admin:pw2, false", "admin2:pw, false", ":pw, false",
        "none, false"})
    void acceptsOnlyTheUserAndPassword(String pair, boolean accepted) {
        assertEquals(accepted, BasicAuth.of("admin", "pw").accepts(pair == null ? null : basic(pair)));
    }

    @Test
    void rejectsMalformedHeaders() {
        BasicAuth auth = BasicAuth.of("admin", "pw");

        assertEquals(false, auth.accepts("Basic ***"));
        assertEquals(false, auth.accepts("Digest abc"));
        assertTrue(auth.accepts("basic " + basic("admin:pw").substring(6)));
    }

    @Test
    void withoutPasswordAnyoneMayCall() {
        assertTrue(BasicAuth.of(null, null).accepts(null));
        assertEquals("BasicAuth[required]", BasicAuth.of("admin", "pw").toString());
    }
}
