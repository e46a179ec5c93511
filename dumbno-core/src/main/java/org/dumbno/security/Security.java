package org.dumbno.security;

import inet.ipaddr.IPAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dumbno.rule.RequestFilter;
import org.dumbno.server.RequestGate;

/**
 * What keeps a shunt, which blinds the IDS to a flow, out of an attacker's hands: which clients may
 * ask, how often, whether they must sign, and which networks are never shunted. Built once from the
 * {@code [dumbno]} settings with {@link #builder()}; the UDP server runs {@link #gate()} on every
 * datagram and the engine runs {@link #requestFilter()} on every request.
 */
public final class Security {
    /** Requests per second per client unless configured. */
    public static final double DEFAULT_RATE = RateLimiter.DEFAULT_RATE;
    /** Requests a client may send at once unless configured. */
    public static final double DEFAULT_BURST = RateLimiter.DEFAULT_BURST;

    private final RefusalCounts counts;
    private final SecurityGate gate;
    private final NeverShunt neverShunt;
    private final boolean signed;

    private Security(ClientAllowList allowList, RateLimiter limiter, RequestSignature signature,
            NeverShunt neverShunt, RefusalCounts counts) {
        this.counts = counts;
        this.gate = new SecurityGate(allowList, limiter, signature, counts);
        this.neverShunt = neverShunt;
        this.signed = signature != null;
    }

    /** A builder of the checks: by default anyone may ask, as often as they like, unsigned. */
    public static Builder builder() {
        return new Builder(new RefusalCounts());
    }

    /**
     * A builder of the checks for new settings, counting refusals on from this one's counts (for a
     * configuration read again); nothing is taken over but the counts.
     */
    public Builder reconfigure() {
        return new Builder(counts);
    }

    /** Builds {@link Security}; every setting has a default. */
    public static final class Builder {
        private final RefusalCounts counts;
        private List<IPAddress> allowClients = List.of();
        private List<IPAddress> neverShunt = List.of();
        private double ratePerSecond;
        private double burst = DEFAULT_BURST;
        private byte[] secret;
        private Clock clock = Clock.systemUTC();

        private Builder(RefusalCounts counts) {
            this.counts = counts;
        }

        /**
         * Networks whose hosts may ask ({@code allow_clients}: prefixes or plain addresses, both
         * families); empty, the default, for anyone.
         */
        public Builder allowClients(List<IPAddress> networks) {
            this.allowClients = List.copyOf(networks);
            return this;
        }

        /** Networks never shunted ({@code never_shunt}); empty, the default, for none. */
        public Builder neverShunt(List<IPAddress> networks) {
            this.neverShunt = List.copyOf(networks);
            return this;
        }

        /**
         * At most {@code perSecond} requests per second per client, {@code burst} at once
         * ({@code rate_limit}, {@code rate_burst}); a rate of 0, the default, for no limit.
         */
        public Builder rateLimit(double perSecond, double burst) {
            if (perSecond < 0) {
                throw new IllegalArgumentException("rate_limit (" + perSecond + ") must not be negative");
            }
            this.ratePerSecond = perSecond;
            this.burst = burst;
            return this;
        }

        /**
         * Requests must be signed with this key, at least {@value SigningKey#MIN_BYTES} bytes; null,
         * the default, when they are not.
         */
        public Builder secret(byte[] key) {
            this.secret = key == null ? null : key.clone();
            return this;
        }

        /** The time for rate limits and signature timestamps; the system clock by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Security build() {
            RateLimiter limiter = ratePerSecond == 0 ? null : new RateLimiter(ratePerSecond, burst, clock);
            RequestSignature signature = secret == null ? null : new RequestSignature(SigningKey.of(secret), clock);
            return new Security(new ClientAllowList(allowClients), limiter, signature, new NeverShunt(neverShunt), counts);
        }
    }

    /**
     * The check the UDP server runs on each datagram: allow-list, signature, rate limit. Refusals
     * are meant to be answered, not dropped ({@code error: client not allowed},
     * {@code error: rate limit exceeded}, ...): the server keeps a reply no larger than its
     * request (or 32 bytes), so a forged source gains no amplification, and a misconfigured
     * sensor learns why.
     */
    public RequestGate gate() {
        return gate;
    }

    /** The check the engine runs on each request: empty, or why its flow is never shunted. */
    public RequestFilter requestFilter() {
        return request -> neverShunt.check(request)
                .map(reason -> counts.count(new Refusal(Reason.NEVER_SHUNT, reason)).message());
    }

    /**
     * Refusals so far by kind: {@code client_not_allowed}, {@code rate_limited},
     * {@code invalid_request}, {@code not_signed}, {@code bad_signature}, {@code stale_timestamp},
     * {@code replayed}, {@code never_shunt}; every kind present, in that order.
     */
    public Map<String, Long> refusals() {
        return counts.snapshot();
    }

    /** Whether requests must be signed. */
    public boolean requiresSignature() {
        return signed;
    }

    @Override
    public String toString() {
        return "Security[never_shunt " + neverShunt + ", signed " + signed + "]";
    }
}
