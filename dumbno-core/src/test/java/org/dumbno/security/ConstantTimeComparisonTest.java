package org.dumbno.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A timing side channel cannot be tested reliably, so this pins the review-level fact: the
 * signature is compared with {@code MessageDigest.isEqual}, never with an early-exit comparison.
 */
class ConstantTimeComparisonTest {

    @Test
    void signaturesAreComparedWithMessageDigestIsEqual() throws IOException {
        String source = Files.readString(
                Path.of("src/main/java/org/dumbno/security/RequestSignature.java"));

        assertTrue(source.contains("MessageDigest.isEqual(hmac(key, canonical), HEX.parseHex(sig))"));
        assertFalse(source.contains("Arrays.equals"));
        assertFalse(source.matches("(?s).*sig\\w*\\.equals\\(.*"));
    }
}
