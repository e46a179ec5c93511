package org.dumbno.security;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.dumbno.client.FlowRequest;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Order;
import org.dumbno.rule.Request;

/**
 * Optional request authentication with a shared key (HMAC-SHA256). Without a key dumbno reads
 * requests as ever; with one, every request must carry two more JSON keys:
 * <ul>
 * <li>{@code "ts"}: the time of signing, whole unix seconds, a JSON number;
 * <li>{@code "sig"}: the HMAC-SHA256, under the key, of the canonical request string below, as 64
 *     lower-case hex digits.
 * </ul>
 *
 * <p>The canonical request string is seven lines joined by {@code \n} (no trailing newline), UTF-8:
 * <pre>
 * dumbno-v1
 * SRC     the src address in canonical text, or empty for any
 * DST     the dst address in canonical text, or empty for any
 * PROTO   empty for any protocol; else the lower-case name among icmp igmp tcp udp gre esp ahp
 *         icmpv6 ospf pim vrrp sctp (numbers 1 2 6 17 47 50 51 58 89 103 112 132), else the decimal
 *         number
 * SPORT   the decimal port, or 0 for any
 * DPORT   the decimal port, or 0 for any
 * TS      the decimal ts, as signed
 * </pre>
 * Canonical address text is dotted-quad IPv4 ({@code 10.1.2.3}) or RFC 5952 IPv6: lower case, zeros
 * compressed, no zone or prefix length ({@code 2001:db8::1}). The fields are those dumbno reads from
 * the request, so {@code "proto": 6} and {@code "proto": "TCP"} sign alike. For example, a tcp
 * request from 10.1.2.3 to port 443 of 10.9.8.7 signed at 1700000000 has the canonical string
 * {@code dumbno-v1\n10.1.2.3\n10.9.8.7\ntcp\n0\n443\n1700000000}.
 *
 * <p>A removal ({@code "op": "remove"}) has an eighth line, {@code remove}, so that no signed add can
 * be turned into a removal of the same flow; an add's string stays the seven lines above.
 *
 * <p>A request is refused, with one of these reasons, when it is {@code request not signed} (no
 * {@code ts} or no {@code sig}), has a {@code bad signature} (compared in constant time), was signed
 * more than the window (30 s by default) away from now ({@code request too old or from the future
 * (ts=...)}), or is a {@code replayed request} whose signature was accepted within the window.
 */
final class RequestSignature {
    /** How far a request's ts may be from the receiver's clock, either way, unless configured. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);
    /** The first line of every canonical request string: the version of this scheme. */
    public static final String VERSION = FlowRequest.SIGNATURE_VERSION;

    private static final int SIG_HEX_DIGITS = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final SigningKey secret;
    private final long windowSeconds;
    private final Clock clock;
    private final ReplayCache replays;

    RequestSignature(SigningKey secret, Duration window, int replayCapacity, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the replay window (" + window + ") must be positive");
        }
        this.windowSeconds = window.toSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replays = new ReplayCache(replayCapacity, windowSeconds);
    }

    RequestSignature(SigningKey secret, Clock clock) {
        this(secret, DEFAULT_WINDOW, ReplayCache.DEFAULT_CAPACITY, clock);
    }

    /** The canonical request string that {@code sig} is the HMAC of; see the class description. */
    public static String canonical(Request request, long ts) {
        return request.toFlowRequest().canonical(ts);
    }

    /** The canonical string of {@code order}: its request's, with a line {@code remove} for a removal. */
    public static String canonical(Order order, long ts) {
        return order.request().toFlowRequest().canonical(order.op(), ts);
    }

    /**
     * The JSON datagram a client sends for {@code request} signed with {@code secret} at
     * {@code ts}: the fields of {@link Request#toJson()} plus {@code ts} and {@code sig}.
     */
    public static String sign(Request request, byte[] secret, long ts) {
        return sign(Order.add(request), secret, ts);
    }

    /**
     * The JSON datagram a client sends for {@code order} signed with {@code secret} at {@code ts}:
     * the fields of {@link Order#toJson()} plus {@code ts} and {@code sig}.
     */
    public static String sign(Order order, byte[] secret, long ts) {
        if (ts < 0) {
            throw InvalidRequestException.of("ts", ts, "must be whole unix seconds");
        }
        return order.request().toFlowRequest().toSignedJson(order.op(), secret, ts);
    }

    static byte[] hmac(byte[] key, String canonical) {
        return FlowRequest.hmac(key, canonical);
    }

    /** Empty when {@code datagram} is a valid request, signed with the key, fresh and not replayed. */
    Optional<Refusal> verify(byte[] datagram) {
        Order request;
        SignedFields fields;
        try {
            request = Order.parse(datagram);
            fields = SignedFields.read(datagram);
        } catch (InvalidRequestException e) {
            return refuse(Reason.INVALID_REQUEST, e.getMessage());
        }
        if (!fields.isSigned()) {
            return refuse(Reason.NOT_SIGNED, "request not signed");
        }
        if (!matches(fields.sig(), canonical(request, fields.ts()))) {
            return refuse(Reason.BAD_SIGNATURE, "bad signature");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - fields.ts()) > windowSeconds) {
            return refuse(Reason.STALE_TIMESTAMP,
                    "request too old or from the future (ts=" + fields.ts() + ")");
        }
        if (!replays.firstSeen(fields.sig(), fields.ts(), now)) {
            return refuse(Reason.REPLAYED, "replayed request");
        }
        return Optional.empty();
    }

    /** Whether {@code sig} is the lower-case hex HMAC of {@code canonical}, compared in constant time. */
    private boolean matches(String sig, String canonical) {
        if (sig.length() != SIG_HEX_DIGITS || !sig.chars().allMatch(RequestSignature::isLowerHex)) {
            return false;
        }
        byte[] key = secret.bytes();
        return MessageDigest.isEqual(hmac(key, canonical), HEX.parseHex(sig));
    }

    private static boolean isLowerHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private static Optional<Refusal> refuse(Reason reason, String message) {
        return Optional.of(new Refusal(reason, message));
    }

    @Override
    public String toString() {
        return "RequestSignature[HMAC-SHA256, window " + windowSeconds + " s]";
    }
}
