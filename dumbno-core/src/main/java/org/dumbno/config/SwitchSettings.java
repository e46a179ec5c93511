package org.dumbno.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [switch]} section: which backend, and how to reach an Arista switch's eAPI.
 *
 * @param backend   what dumbno talks to
 * @param scheme    {@code https} or {@code http}
 * @param host      switch host name or address, IPv6 without brackets; empty only for a backend
 *                  other than {@link Backend#ARISTA}
 * @param port      eAPI port, 1-65535
 * @param user      eAPI user
 * @param password  eAPI password
 * @param verifyTls whether the switch's certificate is checked
 * @param caFile    PEM file with the certificates to trust instead of the system's
 * @param timeout   per eAPI call, positive
 */
public record SwitchSettings(
        Backend backend,
        String scheme,
        String host,
        int port,
        String user,
        Secret password,
        boolean verifyTls,
        Optional<Path> caFile,
        Duration timeout) {

    static final String SECTION = "switch";
    /** {@code https}, the default scheme. */
    public static final String DEFAULT_SCHEME = "https";
    /** Ten seconds per eAPI call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Validates every part; see the parameter descriptions. */
    public SwitchSettings {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(timeout, "timeout");
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw Field.of(SECTION, "scheme", scheme).fail("not https or http");
        }
        if (port < 1 || port > 65535) {
            throw Field.of(SECTION, "ip", host + ":" + port).fail("port must be 1-65535");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw Field.of(SECTION, "timeout", Durations.show(timeout)).fail("must be more than 0 seconds");
        }
        if (backend == Backend.ARISTA) {
            requirePresent(host, "ip");
            requirePresent(user, "user");
            if (password.isEmpty()) {
                throw Field.of(SECTION, "password", "").fail(
                        "missing: set password, password_file or the DUMBNO_EAPI_PASSWORD environment variable");
            }
        }
    }

    private static void requirePresent(String value, String key) {
        if (value.isBlank()) {
            throw Field.of(SECTION, key, value).fail("missing, and backend = arista needs it");
        }
    }

    /** The default port for a scheme: 443 for https, 80 for http. */
    public static int defaultPort(String scheme) {
        return "http".equals(scheme) ? 80 : 443;
    }

    /** {@code host:port}, with an IPv6 host in brackets. */
    public String authority() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return shown + ":" + port;
    }

    /** The eAPI endpoint, {@code scheme://host:port/command-api}. */
    public URI commandApi() {
        return URI.create(scheme + "://" + authority() + "/command-api");
    }

    /** A builder with every default: arista over https, port 443, TLS verified, 10 s timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SwitchSettings}; unset parts keep their defaults. */
    public static final class Builder {
        private Backend backend = Backend.ARISTA;
        private String scheme = DEFAULT_SCHEME;
        private String host = "";
        private Integer port;
        private String user = "";
        private Secret password = Secret.empty();
        private boolean verifyTls = true;
        private Optional<Path> caFile = Optional.empty();
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        /** Sets the backend. */
        public Builder backend(Backend value) {
            this.backend = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the scheme; the port, unless set, follows it. */
        public Builder scheme(String value) {
            this.scheme = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the switch host (IPv6 without brackets). */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the eAPI port. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Sets the eAPI user. */
        public Builder user(String value) {
            this.user = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the eAPI password. */
        public Builder password(Secret value) {
            this.password = Objects.requireNonNull(value);
            return this;
        }

        /** Sets whether the switch's certificate is checked. */
        public Builder verifyTls(boolean value) {
            this.verifyTls = value;
            return this;
        }

        /** Sets the PEM file of certificates to trust. */
        public Builder caFile(Path value) {
            this.caFile = Optional.of(value);
            return this;
        }

        /** Sets the per-call timeout. */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value);
            return this;
        }

        /** The settings; throws {@link ConfigException} when they do not hold together. */
        public SwitchSettings build() {
            int effectivePort = port != null ? port : defaultPort(scheme);
            return new SwitchSettings(backend, scheme, host, effectivePort, user, password,
                    verifyTls, caFile, timeout);
        }
    }
}
