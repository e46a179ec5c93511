package org.dumbno.eos.eapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The server's check of an {@code Authorization: Basic} header against one user. */
final class BasicAuth {

    private static final String PREFIX = "Basic ";

    /** null when anyone may call. */
    private final byte[] expected;

    private BasicAuth(byte[] expected) {
        this.expected = expected;
    }

    /** Accepts {@code user} with {@code password}; a null password lets anyone in. */
    static BasicAuth of(String user, String password) {
        if (password == null) {
            return new BasicAuth(null);
        }
        String pair = (user == null ? "" : user) + ":" + password;
        return new BasicAuth(pair.getBytes(StandardCharsets.UTF_8));
    }

    boolean accepts(String header) {
        if (expected == null) {
            return true;
        }
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        try {
            byte[] given = Base64.getDecoder().decode(header.substring(PREFIX.length()).strip());
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return expected == null ? "BasicAuth[none]" : "BasicAuth[required]";
    }
}
