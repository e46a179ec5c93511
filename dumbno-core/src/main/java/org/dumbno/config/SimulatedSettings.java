package org.dumbno.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

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
 */
public record SimulatedSettings(
        InetSocketAddress eapiListen,
        String user,
        Secret password,
        Duration latency,
        int tcamCapacity) {

    static final String SECTION = "simulated";
    /** {@code 127.0.0.1:8080}. */
    public static final InetSocketAddress DEFAULT_EAPI_LISTEN = Addresses.socket(Addresses.LOOPBACK_IPV4, 8080);
    /** The user and, by default, the password too. */
    public static final String DEFAULT_USER = "dumbno";

    /** Validates every part. */
    public SimulatedSettings {
        Objects.requireNonNull(eapiListen, "eapiListen");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(latency, "latency");
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

    /** {@code 127.0.0.1:8080}, user and password {@code dumbno}, no latency, unlimited TCAM. */
    public static SimulatedSettings defaults() {
        return new SimulatedSettings(DEFAULT_EAPI_LISTEN, DEFAULT_USER, Secret.of(DEFAULT_USER),
                Duration.ZERO, 0);
    }

    /** Whether the simulated TCAM has a limit. */
    public boolean hasTcamLimit() {
        return tcamCapacity > 0;
    }
}
