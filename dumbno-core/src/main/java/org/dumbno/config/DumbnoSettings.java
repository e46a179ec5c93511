package org.dumbno.config;

import inet.ipaddr.IPAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.WhenFull;
import org.dumbno.rule.Addresses;

/**
 * The {@code [dumbno]} section: how the server listens, whom it serves, and how it manages the
 * ACL entries. Every key is optional; {@link #defaults()} is what an original configuration file,
 * which has no such section, gets.
 *
 * @param listen         UDP addresses to serve requests on, at least one
 * @param purgeInterval  time between two expiry sweeps, positive
 * @param hardTimeout    age after which an entry goes regardless of traffic; zero means never
 * @param seqMin         sequence numbers used are above this (at least 30, after the TCP flag permits)
 * @param seqMax         sequence numbers used are below this (at most 100001, the final permit)
 * @param maxRules       active shunts at most; zero means only the sequence range limits
 * @param allowClients   networks whose requests are served; empty means anyone
 * @param neverShunt     networks never shunted; in both lists an IPv4-mapped or IPv4-compatible
 *                       network ({@code ::ffff:10.0.0.0/104}) is kept as the IPv4 one it spells
 * @param metricsListen  where metrics are served over HTTP; empty means off
 * @param maxRequestAge  how long a request may wait for an unreachable switch
 * @param queueLimit     requests waiting at most, positive
 * @param rateLimit      requests per second per client; zero means unlimited
 * @param rateBurst      requests a client may send at once, positive
 * @param secretFile     file holding the key for signed requests
 * @param syslog         syslog receiver, possibly unresolved
 * @param repairLayout   whether a drifted layout is put back ({@code repair_layout}); when false,
 *                       requests are refused while a list of their family is not whole
 * @param shutdownTimeout how long stopping may take at most, whatever the switch does, positive
 * @param whenFull       what a request for a new rule meets once {@code max_rules} shunts stand
 *                       ({@code when_full}): refused, or room made by evicting the least active
 */
public record DumbnoSettings(
        List<InetSocketAddress> listen,
        Duration purgeInterval,
        Duration hardTimeout,
        int seqMin,
        int seqMax,
        int maxRules,
        List<IPAddress> allowClients,
        List<IPAddress> neverShunt,
        Optional<InetSocketAddress> metricsListen,
        Duration maxRequestAge,
        int queueLimit,
        int rateLimit,
        int rateBurst,
        Optional<Path> secretFile,
        Optional<InetSocketAddress> syslog,
        boolean repairLayout,
        Duration shutdownTimeout,
        WhenFull whenFull) {

    static final String SECTION = "dumbno";
    /** The UDP port requests arrive on by default. */
    public static final int DEFAULT_PORT = 9000;
    /** {@code 0.0.0.0:9000}. */
    public static final InetSocketAddress DEFAULT_LISTEN = new InetSocketAddress(Addresses.inet(new byte[4]), DEFAULT_PORT);
    /** Thirty seconds between sweeps: the engine's default. */
    public static final Duration DEFAULT_PURGE_INTERVAL = ACLManager.Builder.DEFAULT_PURGE_INTERVAL;
    /** Lowest bound of the sequence range: the engine's default. */
    public static final int DEFAULT_SEQ_MIN = ACLManager.Builder.DEFAULT_SEQ_MIN;
    /** Highest bound of the sequence range: the engine's default. */
    public static final int DEFAULT_SEQ_MAX = ACLManager.Builder.DEFAULT_SEQ_MAX;
    /** Five minutes of waiting for an unreachable switch: the engine's default. */
    public static final Duration DEFAULT_MAX_REQUEST_AGE = ACLManager.Builder.DEFAULT_MAX_REQUEST_AGE;
    /** Waiting requests at most: the engine's default. */
    public static final int DEFAULT_QUEUE_LIMIT = ACLManager.Builder.DEFAULT_QUEUE_LIMIT;
    /** Requests per second per client: none, as the Python tool had none (a Zeek manager relays every worker). */
    public static final int DEFAULT_RATE_LIMIT = 0;
    /** The burst, as a multiple of the rate, unless set. */
    public static final int BURST_PER_RATE = 10;
    /** Ten seconds to stop, whatever the switch does. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /** The lowest {@code seq_min}: entries 10, 20 and 30 are the TCP flag permits. */
    public static final int LOWEST_SEQ_MIN = 30;
    /** The highest {@code seq_max}: entry 100001 is the final permit. */
    public static final int HIGHEST_SEQ_MAX = 100_001;

    /** Validates every part and copies the lists; networks become prefix blocks. */
    public DumbnoSettings {
        listen = List.copyOf(listen);
        allowClients = Addresses.blocks(allowClients);
        neverShunt = Addresses.blocks(neverShunt);
        Objects.requireNonNull(metricsListen, "metricsListen");
        Objects.requireNonNull(secretFile, "secretFile");
        Objects.requireNonNull(syslog, "syslog");
        Objects.requireNonNull(whenFull, "whenFull");
        if (listen.isEmpty()) {
            throw Field.of(SECTION, "listen", "").fail("needs at least one host:port");
        }
        positive("purge_interval", purgeInterval);
        notNegative("hard_timeout", hardTimeout);
        notNegative("max_request_age", maxRequestAge);
        SequenceRange.check(seqMin, seqMax);
        notNegative("max_rules", maxRules);
        positive("queue_limit", queueLimit);
        notNegative("rate_limit", rateLimit);
        positive("rate_burst", rateBurst);
        positive("shutdown_timeout", shutdownTimeout);
    }

    /** Every default; the same as {@code builder().build()}. */
    public static DumbnoSettings defaults() {
        return builder().build();
    }

    /** Whether entries expire by age as well as by idleness. */
    public boolean hasHardTimeout() {
        return !hardTimeout.isZero();
    }

    /** Whether requests from {@code client} are served (what the security checks enforce). */
    boolean allowsClient(IPAddress client) {
        return allowClients.isEmpty() || allowClients.stream().anyMatch(net -> net.contains(client));
    }

    /** Whether {@code address} lies in a {@code never_shunt} network. */
    boolean neverShunts(IPAddress address) {
        return neverShunt.stream().anyMatch(net -> net.contains(address));
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw Field.of(SECTION, key, Durations.show(value)).fail("must be more than 0 seconds");
        }
    }

    private static void notNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw Field.of(SECTION, key, Durations.show(value)).fail("must not be negative");
        }
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw Field.of(SECTION, key, Integer.toString(value)).fail("must be at least 1");
        }
    }

    private static void notNegative(String key, int value) {
        if (value < 0) {
            throw Field.of(SECTION, key, Integer.toString(value)).fail("must not be negative");
        }
    }

    /** A builder holding every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DumbnoSettings}; unset parts keep their defaults. */
    public static final class Builder {
        private List<InetSocketAddress> listen = List.of(DEFAULT_LISTEN);
        private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
        private Duration hardTimeout = Duration.ZERO;
        private int seqMin = DEFAULT_SEQ_MIN;
        private int seqMax = DEFAULT_SEQ_MAX;
        private int maxRules;
        private List<IPAddress> allowClients = List.of();
        private List<IPAddress> neverShunt = List.of();
        private Optional<InetSocketAddress> metricsListen = Optional.empty();
        private Duration maxRequestAge = DEFAULT_MAX_REQUEST_AGE;
        private int queueLimit = DEFAULT_QUEUE_LIMIT;
        private int rateLimit = DEFAULT_RATE_LIMIT;
        private Integer rateBurst;
        private Optional<Path> secretFile = Optional.empty();
        private Optional<InetSocketAddress> syslog = Optional.empty();
        private boolean repairLayout = true;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private WhenFull whenFull = WhenFull.REFUSE;

        private Builder() {
        }

        /** Sets the UDP addresses to listen on. */
        public Builder listen(List<InetSocketAddress> value) {
            this.listen = List.copyOf(value);
            return this;
        }

        /** Sets the time between expiry sweeps. */
        public Builder purgeInterval(Duration value) {
            this.purgeInterval = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the age at which entries go regardless; zero for never. */
        public Builder hardTimeout(Duration value) {
            this.hardTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the lower bound of the sequence range. */
        public Builder seqMin(int value) {
            this.seqMin = value;
            return this;
        }

        /** Sets the upper bound of the sequence range. */
        public Builder seqMax(int value) {
            this.seqMax = value;
            return this;
        }

        /** Sets the most active shunts; zero for no limit but the range. */
        public Builder maxRules(int value) {
            this.maxRules = value;
            return this;
        }

        /** Sets the networks whose requests are served; empty for anyone. */
        public Builder allowClients(List<IPAddress> value) {
            this.allowClients = List.copyOf(value);
            return this;
        }

        /** Sets the networks never shunted. */
        public Builder neverShunt(List<IPAddress> value) {
            this.neverShunt = List.copyOf(value);
            return this;
        }

        /** Sets where metrics are served. */
        public Builder metricsListen(InetSocketAddress value) {
            this.metricsListen = Optional.of(value);
            return this;
        }

        /** Sets how long a request may wait for an unreachable switch. */
        public Builder maxRequestAge(Duration value) {
            this.maxRequestAge = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the most requests waiting. */
        public Builder queueLimit(int value) {
            this.queueLimit = value;
            return this;
        }

        /** Sets requests per second per client; zero for unlimited. */
        public Builder rateLimit(int value) {
            this.rateLimit = value;
            return this;
        }

        /** Sets the burst; unless set it is ten times the rate. */
        public Builder rateBurst(int value) {
            this.rateBurst = value;
            return this;
        }

        /** Sets the file holding the key for signed requests. */
        public Builder secretFile(Path value) {
            this.secretFile = Optional.of(value);
            return this;
        }

        /** Whether a drifted layout is put back (true by default). */
        public Builder repairLayout(boolean value) {
            this.repairLayout = value;
            return this;
        }

        /** Sets the syslog receiver. */
        public Builder syslog(InetSocketAddress value) {
            this.syslog = Optional.of(value);
            return this;
        }

        /** Sets how long stopping may take at most. */
        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** What a request for a new rule meets at {@code max_rules} ({@link WhenFull#REFUSE} by default). */
        public Builder whenFull(WhenFull value) {
            this.whenFull = Objects.requireNonNull(value);
            return this;
        }

        /** The settings; throws {@link ConfigException} when they do not hold together. */
        public DumbnoSettings build() {
            int burst = rateBurst != null ? rateBurst : defaultBurst(rateLimit);
            return new DumbnoSettings(listen, purgeInterval, hardTimeout, seqMin, seqMax, maxRules,
                    allowClients, neverShunt, metricsListen, maxRequestAge, queueLimit, rateLimit,
                    burst, secretFile, syslog, repairLayout, shutdownTimeout, whenFull);
        }

        private static int defaultBurst(int rate) {
            long burst = (long) rate * BURST_PER_RATE;
            return (int) Math.min(Integer.MAX_VALUE, Math.max(1, burst));
        }
    }
}
