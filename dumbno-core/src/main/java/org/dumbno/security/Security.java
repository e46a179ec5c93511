package org.dumbno.security;

import inet.ipaddr.IPAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dumbno.rule.Request;
import org.dumbno.server.RequestGate;

/**
 * What keeps a shunt, which blinds the IDS to a flow, out of an attacker's hands: which clients may
 * ask, how often, whether they must sign, and which networks are never shunted. Built once from the
 * {@code [dumbno]} settings with {@link #from}; the UDP server runs {@link #gate()} on every
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

    /**
     * The checks for these settings.
     *
     * @param allowClients networks whose hosts may ask (prefixes or plain addresses, both
     *     families); empty for anyone
     * @param neverShunt networks never shunted; empty for none
     * @param ratePerSecond requests per second per client; 0 for no limit
     * @param burst requests a client may send at once, at least 1 (ignored without a limit)
     * @param secret the signing key, at least {@value SigningKey#MIN_BYTES} bytes, or null when
     *     requests are not signed
     * @param clock the time for rate limits and signature timestamps
     */
    public static Security from(List<IPAddress> allowClients, List<IPAddress> neverShunt,
            double ratePerSecond, double burst, byte[] secret, Clock clock) {
        return from(allowClients, neverShunt, ratePerSecond, burst, secret, clock, new RefusalCounts());
    }

    /**
     * The checks for new settings, counting refusals on from this one's counts (for a
     * configuration read again): the parameters are those of {@link #from}.
     */
    public Security reconfigured(List<IPAddress> allowClients, List<IPAddress> neverShunt,
            double ratePerSecond, double burst, byte[] secret, Clock clock) {
        return from(allowClients, neverShunt, ratePerSecond, burst, secret, clock, counts);
    }

    private static Security from(List<IPAddress> allowClients, List<IPAddress> neverShunt,
            double ratePerSecond, double burst, byte[] secret, Clock clock, RefusalCounts counts) {
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("rate_limit (" + ratePerSecond + ") must not be negative");
        }
        RateLimiter limiter = ratePerSecond == 0 ? null : new RateLimiter(ratePerSecond, burst, clock);
        RequestSignature signature = secret == null ? null
                : new RequestSignature(SigningKey.of(secret), clock);
        return new Security(new ClientAllowList(allowClients), limiter, signature,
                new NeverShunt(neverShunt), counts);
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
    public Function<Request, Optional<String>> requestFilter() {
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
