package org.dumbno.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password or key. It prints as {@code ****} wherever it ends up (logs, exception messages,
 * record {@code toString}); the value is reachable only through {@link #reveal()}.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code value}; an empty string gives {@link #empty()}. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        return value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** No secret at all (a backend that needs none). */
    public static Secret empty() {
        return EMPTY;
    }

    /** The value itself: call only where it is sent to its one destination. */
    public String reveal() {
        return value;
    }

    /** Whether there is no secret. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Constant-time comparison of the wrapped values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8),
                        secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Secret.class.hashCode();
    }

    /** Always {@code ****}. */
    @Override
    public String toString() {
        return "****";
    }
}
