package org.dumbno.security;

import inet.ipaddr.IPAddress;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.rule.Addresses;

/**
 * A token bucket per client address: each client may send {@code burst} requests at once, then
 * {@code rate} per second. Thread-safe; a request takes one uncontended lock, that of its client's
 * bucket.
 *
 * <p>Memory stays bounded whatever source addresses a flood forges: when more than
 * {@code maxClients} buckets exist, the buckets that have refilled (equal to a new one, so nothing
 * is lost) are dropped, then the least recently used, down to three quarters of the bound.
 */
final class RateLimiter {
    /** Requests per second per client unless configured. */
    static final double DEFAULT_RATE = 100;
    /** Requests a client may send at once unless configured. */
    static final double DEFAULT_BURST = 1000;
    /** Clients remembered at most. */
    static final int DEFAULT_MAX_CLIENTS = 10_000;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double tokensPerNano;
    private final double burst;
    private final int maxClients;
    private final Clock clock;
    private final Map<IPAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock eviction = new ReentrantLock();

    RateLimiter(double ratePerSecond, double burst, int maxClients, Clock clock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate_limit (" + ratePerSecond + ") must be above 0");
        }
        if (!(burst >= 1) || Double.isInfinite(burst)) {
            throw new IllegalArgumentException("rate_burst (" + burst + ") must be at least 1");
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients (" + maxClients + ") must be at least 1");
        }
        this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.maxClients = maxClients;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    RateLimiter(double ratePerSecond, double burst, Clock clock) {
        this(ratePerSecond, burst, DEFAULT_MAX_CLIENTS, clock);
    }

    /** Takes a token from {@code client}'s bucket: false when it has none left now. */
    boolean tryAcquire(InetAddress client) {
        IPAddress key = Addresses.client(client);
        long now = nanos();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                evict(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.tryTake(now, tokensPerNano, burst);
    }

    /** How many clients have a bucket now. */
    int clients() {
        return buckets.size();
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }

    private void evict(long now) {
        eviction.lock();
        try {
            if (buckets.size() < maxClients) {
                return;
            }
            buckets.values().removeIf(bucket -> bucket.isFull(now, tokensPerNano, burst));
            int target = Math.max(1, maxClients * 3 / 4);
            if (buckets.size() > target) {
                dropLeastRecentlyUsed(buckets.size() - target);
            }
        } finally {
            eviction.unlock();
        }
    }

    private void dropLeastRecentlyUsed(int count) {
        List<Use> uses = new ArrayList<>(buckets.size());
        buckets.forEach((client, bucket) -> uses.add(new Use(client, bucket, bucket.lastUsed())));
        uses.sort(Comparator.comparingLong(Use::last));
        for (Use use : uses.subList(0, Math.min(count, uses.size()))) {
            buckets.remove(use.client(), use.bucket());
        }
    }

    /** When a bucket was last used, read once so that sorting sees fixed values. */
    private record Use(IPAddress client, Bucket bucket, long last) {
    }

    /** One client's tokens; refilled lazily, when next used. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean tryTake(long now, double tokensPerNano, double burst) {
            refill(now, tokensPerNano, burst);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean isFull(long now, double tokensPerNano, double burst) {
            return tokens + Math.max(0, now - last) * tokensPerNano >= burst;
        }

        synchronized long lastUsed() {
            return last;
        }

        /** A clock that steps back refills nothing and does not move {@code last} back. */
        private void refill(long now, double tokensPerNano, double burst) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
                last = now;
            }
        }
    }
}
