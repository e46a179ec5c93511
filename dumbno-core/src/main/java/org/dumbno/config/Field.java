package org.dumbno.config;

import java.util.Locale;

/**
 * Where a configuration value came from: section, key and the value as written. Problems are
 * reported through {@link #fail(String)}, which masks the value of any password key.
 */
record Field(String section, String key, String value) {

    static Field of(String section, String key, String value) {
        return new Field(section, key, value);
    }

    ConfigException fail(String reason) {
        return new ConfigException(this + ": " + reason);
    }

    ConfigException fail(String reason, Throwable cause) {
        return new ConfigException(this + ": " + reason, cause);
    }

    boolean isSecret() {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.equals("password") || lower.equals("secret");
    }

    /** {@code [section] key = value}, with a secret value shown as {@code ****}. */
    @Override
    public String toString() {
        String shown = isSecret() ? "****" : value;
        return "[" + section + "] " + key + " = " + shown;
    }
}
