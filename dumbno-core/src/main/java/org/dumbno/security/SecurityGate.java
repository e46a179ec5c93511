package org.dumbno.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.dumbno.server.RequestGate;

/**
 * The checks on a datagram before its request is read: the client allow-list, then, when a key is
 * configured, the request's signature, then the client's rate limit. The signature comes before the
 * rate limit so that a datagram forged from a signing sensor's address spends none of that sensor's
 * allowance. Every refusal is counted by its {@link Reason}.
 */
final class SecurityGate implements RequestGate {
    /** The reason a client over its rate limit is given. */
    static final String RATE_LIMITED = "rate limit exceeded";

    private final ClientAllowList allowList;
    private final RateLimiter limiter;
    private final RequestSignature signature;
    private final RefusalCounts counts;

    /**
     * A gate; {@code limiter} null for no rate limit, {@code signature} null for unsigned requests.
     */
    SecurityGate(ClientAllowList allowList, RateLimiter limiter, RequestSignature signature,
            RefusalCounts counts) {
        this.allowList = allowList;
        this.limiter = limiter;
        this.signature = signature;
        this.counts = counts;
    }

    @Override
    public Optional<String> check(InetSocketAddress client, byte[] datagram) {
        return refusal(client.getAddress(), datagram).map(counts::count).map(Refusal::message);
    }

    private Optional<Refusal> refusal(InetAddress client, byte[] datagram) {
        if (client == null || !allowList.allows(client)) {
            return Optional.of(new Refusal(Reason.CLIENT_NOT_ALLOWED, ClientAllowList.REFUSAL));
        }
        if (signature != null) {
            Optional<Refusal> unsigned = signature.verify(datagram);
            if (unsigned.isPresent()) {
                return unsigned;
            }
        }
        if (limiter != null && !limiter.tryAcquire(client)) {
            return Optional.of(new Refusal(Reason.RATE_LIMITED, RATE_LIMITED));
        }
        return Optional.empty();
    }
}
