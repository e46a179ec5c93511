package org.dumbno.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.dumbno.rule.Addresses;

/**
 * The {@code [simulated]} section, used with {@code backend = simulated}: the serving process runs
 * a simulated switch in-process and exposes it as eAPI, so other processes ({@code dumbno list})
 * reach it too.
 *
 * @param eapiListen    where the simulated switch serves eAPI over HTTP
 * @param user          the eAPI user it accepts
 * @param password      the eAPI password it accepts
 * @param latency       added to every eAPI call, not negative
 * @param tcamCapacity  entries it programs at most; zero means unlimited
 * @param traffic       whether it makes up traffic of its own
 */
public record SimulatedSettings(
        InetSocketAddress eapiListen,
        String user,
        Secret password,
        Duration latency,
        int tcamCapacity,
        Traffic traffic) {

    static final String SECTION = "simulated";
    /** {@code 127.0.0.1:8080}. */
    public static final InetSocketAddress DEFAULT_EAPI_LISTEN = new InetSocketAddress(Addresses.inet(new byte[] {127, 0, 0, 1}), 8080);
    /** The user and, by default, the password too. */
    public static final String DEFAULT_USER = "dumbno";

    /** Validates every part. */
    public SimulatedSettings {
        Objects.requireNonNull(eapiListen, "eapiListen");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(traffic, "traffic");
        if (user.isBlank()) {
            throw Field.of(SECTION, "user", user).fail("must not be empty");
        }
        if (latency.isNegative()) {
            throw Field.of(SECTION, "latency_ms", Long.toString(latency.toMillis())).fail("must not be negative");
        }
        if (tcamCapacity < 0) {
            throw Field.of(SECTION, "tcam_capacity", Integer.toString(tcamCapacity)).fail("must not be negative");
        }
    }

    /** Settings without traffic of its own: the counters move only when something sends. */
    public SimulatedSettings(InetSocketAddress eapiListen, String user, Secret password, Duration latency,
            int tcamCapacity) {
        this(eapiListen, user, password, latency, tcamCapacity, Traffic.NONE);
    }

    /** {@code 127.0.0.1:8080}, user and password {@code dumbno}, no latency, unlimited TCAM, no traffic. */
    public static SimulatedSettings defaults() {
        return new SimulatedSettings(DEFAULT_EAPI_LISTEN, DEFAULT_USER, Secret.of(DEFAULT_USER),
                Duration.ZERO, 0, Traffic.NONE);
    }

    /**
     * These settings for the simulated switch of the switch {@code position} places after the first:
     * served {@code position} ports above {@link #eapiListen()} (unless that port is 0, any free one).
     *
     * @throws ConfigException that port is beyond 65535
     */
    public SimulatedSettings servedAfter(int position) {
        int port = eapiListen.getPort();
        if (port == 0 || position == 0) {
            return this;
        }
        if (port + position > 65535) {
            throw Field.of(SECTION, "eapi_listen", eapiListen.toString())
                    .fail("leaves no port for the simulated switch " + position + " places after the first");
        }
        return new SimulatedSettings(new InetSocketAddress(eapiListen.getAddress(), port + position), user, password,
                latency, tcamCapacity, traffic);
    }

    /** Whether the simulated TCAM has a limit. */
    public boolean hasTcamLimit() {
        return tcamCapacity > 0;
    }

    /** {@code traffic}: what the simulated switch sends through itself. */
    public enum Traffic {
        /** Nothing: counters move only when a caller sends traffic (the default, for tests). */
        NONE,
        /** Background traffic on every ingress port and a short-lived elephant flow per deny entry. */
        DEMO;

        /** The name as written in the configuration file. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Traffic> parse(String text) {
            for (Traffic traffic : values()) {
                if (traffic.configName().equalsIgnoreCase(text.trim())) {
                    return Optional.of(traffic);
                }
            }
            return Optional.empty();
        }
    }
}
