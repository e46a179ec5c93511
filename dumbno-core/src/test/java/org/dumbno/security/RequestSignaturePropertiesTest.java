package org.dumbno.security;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Request;

/** Whatever the request: the key's signature verifies, and a changed field does not. */
class RequestSignaturePropertiesTest {
    private static final byte[] KEY = RequestSignatureTest.KEY;
    private static final List<Protocol> PROTOCOLS = List.of(Protocol.ANY, Protocol.TCP, Protocol.UDP,
            Protocol.SCTP, Protocol.ICMP, Protocol.ICMPV6, new Protocol(47), new Protocol(99));
    private static final List<String> FIELDS = List.of("src", "dst", "proto", "sport", "dport", "ts");

    private static RequestSignature verifier(long ts) {
        return new RequestSignature(Secret.of(KEY), ManualClock.atEpochSecond(ts));
    }

    @Property
    void aRequestSignedWithTheKeyVerifies(@ForAll("requests") Request request,
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long ts) {
        byte[] datagram = RequestSignature.sign(request, KEY, ts).getBytes(StandardCharsets.UTF_8);

        assertEmpty(verifier(ts).verify(datagram));
    }

    @Property
    void changingOneByteOfAFieldBreaksTheSignature(@ForAll("requests") Request request,
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long ts,
            @ForAll @IntRange(min = 0, max = 5) int field, @ForAll @IntRange(min = 0, max = 99) int at,
            @ForAll("replacements") char replacement) {
        String json = RequestSignature.sign(request, KEY, ts);
        String name = FIELDS.get(field);
        int valueStart = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int valueEnd = valueEnd(json, valueStart);
        int position = valueStart + at % (valueEnd - valueStart);
        if (json.charAt(position) == replacement) {
            return;
        }
        String tampered = json.substring(0, position) + replacement + json.substring(position + 1);

        Optional<Refusal> refusal = verifier(ts).verify(tampered.getBytes(StandardCharsets.UTF_8));

        if (sameCanonical(tampered, request, ts)) {
            assertEmpty(refusal);
            Statistics.collect("same request");
        } else if (refusal.isEmpty() || refusal.get().reason() == Reason.NOT_SIGNED) {
            throw new AssertionError("tampered request accepted: " + tampered + " " + refusal);
        } else {
            Statistics.collect(refusal.get().reason());
        }
        Statistics.coverage(coverage -> coverage.check(Reason.BAD_SIGNATURE).percentage(p -> p >= 5));
    }

    @Property(tries = 200)
    void aChangedTimestampDigitIsABadSignature(@ForAll("requests") Request request,
            @ForAll @IntRange(min = 0, max = 99) int at) {
        String json = RequestSignature.sign(request, KEY, 1_700_000_000L);
        int position = json.indexOf("\"ts\":") + 5 + at % 10;
        char digit = json.charAt(position) == '1' ? '2' : '1';
        String tampered = json.substring(0, position) + digit + json.substring(position + 1);

        Optional<Refusal> refusal = verifier(1_700_000_000L)
                .verify(tampered.getBytes(StandardCharsets.UTF_8));

        if (refusal.isEmpty() || refusal.get().reason() != Reason.BAD_SIGNATURE) {
            throw new AssertionError("a changed ts digit gave " + refusal + " for " + tampered);
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

    private static void assertEmpty(Optional<Refusal> refusal) {
        if (refusal.isPresent()) {
            throw new AssertionError("refused: " + refusal.get());
        }
    }

    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.of('0', '1', '2', '5', '7', '9', 'a', 'b', 'e', 'f', 'A', ':', 'x');
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<byte[]> address = Arbitraries.bytes().array(byte[].class).ofSize(16);
        Arbitrary<Integer> port = Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(1, 65535));
        return Combinators.combine(Arbitraries.of(true, false), address.injectNull(0.3),
                address.injectNull(0.3), Arbitraries.of(PROTOCOLS), port, port)
                .as(RequestSignaturePropertiesTest::request)
                .filter(Optional::isPresent)
                .map(Optional::get);
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
