package org.dumbno.config;

/**
 * A configuration that cannot be used. The message is one line naming where the problem is and
 * why, for instance {@code dumbno.cfg: [dumbno] seq_min = abc: not a whole number}. Passwords are
 * never part of it.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which must not contain a secret. */
    public ConfigException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause} (never carrying a secret). */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The same problem found in section {@code [actual]} where a check of a section's values named
     * it {@code [checked]}: the checks of a {@code [switch NAME]} are those of {@code [switch]}.
     */
    ConfigException inSection(String checked, String actual) {
        String prefix = "[" + checked + "]";
        if (checked.equals(actual) || !getMessage().startsWith(prefix)) {
            return this;
        }
        ConfigException located = new ConfigException("[" + actual + "]" + getMessage().substring(prefix.length()),
                getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** The same problem, its message prefixed with the file it was found in. */
    ConfigException inFile(String file) {
        ConfigException located = new ConfigException(file + ": " + getMessage(), getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }
}
