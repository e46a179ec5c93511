package org.dumbno.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Request;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * Properties over seeded random requests (a failure names its seed): whatever the request, the key's
 * signature verifies, and a changed field does not.
 */
class RequestSignaturePropertiesTest {
    private static final byte[] KEY = RequestSignatureTest.KEY;
    private static final List<Protocol> PROTOCOLS = List.of(Protocol.ANY, Protocol.TCP, Protocol.UDP,
            Protocol.SCTP, Protocol.ICMP, Protocol.ICMPV6, new Protocol(47), new Protocol(99));
    private static final List<String> FIELDS = List.of("src", "dst", "proto", "sport", "dport", "ts");

    private static RequestSignature verifier(long ts) {
        return new RequestSignature(SigningKey.of(KEY), ManualClock.atEpochSecond(ts));
    }

    private static final int TRIES = 1000;
    private static final char[] REPLACEMENTS = {'0', '1', '2', '5', '7', '9', 'a', 'b', 'e', 'f', 'A', ':', 'x'};

    @Test
    void aRequestSignedWithTheKeyVerifies() {
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            Request request = request(random);
            long ts = timestamp(random);
            byte[] datagram = RequestSignature.sign(request, KEY, ts).getBytes(StandardCharsets.UTF_8);

            assertEmpty(verifier(ts).verify(datagram), "seed " + seed);
        }
    }

    @Test
    void changingOneByteOfAFieldBreaksTheSignature() {
        Map<Reason, Integer> seen = new EnumMap<>(Reason.class);
        int tampered = 0;
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            Request request = request(random);
            long ts = timestamp(random);
            String json = RequestSignature.sign(request, KEY, ts);
            String name = FIELDS.get(random.nextInt(FIELDS.size()));
            int valueStart = json.indexOf("\"" + name + "\":") + name.length() + 3;
            int valueEnd = valueEnd(json, valueStart);
            int position = valueStart + random.nextInt(valueEnd - valueStart);
            char replacement = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
            if (json.charAt(position) == replacement) {
                continue;
            }
            String changed = json.substring(0, position) + replacement + json.substring(position + 1);

            Optional<Refusal> refusal = verifier(ts).verify(changed.getBytes(StandardCharsets.UTF_8));

            if (sameCanonical(changed, request, ts)) {
                assertEmpty(refusal, "seed " + seed);
            } else if (refusal.isEmpty() || refusal.get().reason() == Reason.NOT_SIGNED) {
                throw new AssertionError("seed " + seed + ": tampered request accepted: " + changed + " " + refusal);
            } else {
                seen.merge(refusal.get().reason(), 1, Integer::sum);
                tampered++;
            }
        }
        int badSignatures = seen.getOrDefault(Reason.BAD_SIGNATURE, 0);
        assertTrue(badSignatures * 20 >= tampered, "too few cases reached the signature check: " + seen);
    }

    @Test
    void aChangedTimestampDigitIsABadSignature() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            Request request = request(random);
            String json = RequestSignature.sign(request, KEY, 1_700_000_000L);
            int position = json.indexOf("\"ts\":") + 5 + random.nextInt(10);
            char digit = json.charAt(position) == '1' ? '2' : '1';
            String changed = json.substring(0, position) + digit + json.substring(position + 1);

            Optional<Refusal> refusal = verifier(1_700_000_000L)
                    .verify(changed.getBytes(StandardCharsets.UTF_8));

            if (refusal.isEmpty() || refusal.get().reason() != Reason.BAD_SIGNATURE) {
                throw new AssertionError("a changed ts digit gave " + refusal + " for " + changed);
            }
        }
    }

    /** Where the value starting at {@code start} ends: its closing quote, comma or brace. */
    private static int valueEnd(String json, int start) {
        if (json.charAt(start) == '"') {
            return json.indexOf('"', start + 1) + 1;
        }
        int comma = json.indexOf(',', start);
        return comma < 0 ? json.indexOf('}', start) : comma;
    }

    /** Whether the tampered datagram still reads as the very request and ts that were signed. */
    private static boolean sameCanonical(String tampered, Request request, long ts) {
        try {
            byte[] bytes = tampered.getBytes(StandardCharsets.UTF_8);
            Request read = Request.parse(bytes);
            SignedFields fields = SignedFields.read(bytes);
            return fields.ts() != null && RequestSignature.canonical(read, fields.ts())
                    .equals(RequestSignature.canonical(request, ts));
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    private static void assertEmpty(Optional<Refusal> refusal, String context) {
        if (refusal.isPresent()) {
            throw new AssertionError(context + ": refused: " + refusal.get());
        }
    }

    private static long timestamp(Random random) {
        return (long) (random.nextDouble() * 4_000_000_000L);
    }

    /** A valid request of either family with any mix of fields; retried until valid. */
    private static Request request(Random random) {
        while (true) {
            boolean ipv6 = random.nextBoolean();
            Protocol proto = PROTOCOLS.get(random.nextInt(PROTOCOLS.size()));
            Optional<Request> request = request(ipv6, maybeAddress(random), maybeAddress(random), proto,
                    port(random), port(random));
            if (request.isPresent()) {
                return request.get();
            }
        }
    }

    private static byte[] maybeAddress(Random random) {
        if (random.nextDouble() < 0.3) {
            return null;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private static int port(Random random) {
        return random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(65535);
    }

    private static Optional<Request> request(boolean ipv6, byte[] src, byte[] dst, Protocol proto,
            int sport, int dport) {
        try {
            return Optional.of(new Request(address(ipv6, src), address(ipv6, dst), proto,
                    proto.hasPorts() ? sport : 0, proto.hasPorts() ? dport : 0));
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    private static IPAddress address(boolean ipv6, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return ipv6 ? new IPv6Address(bytes) : new IPv4Address(Arrays.copyOf(bytes, 4));
    }
}
