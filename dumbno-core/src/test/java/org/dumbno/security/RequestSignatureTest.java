package org.dumbno.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Order;
import org.dumbno.rule.Request;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signed, unsigned, tampered, stale and replayed requests. */
class RequestSignatureTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final long TS = 1_700_000_000L;

    private final ManualClock clock = ManualClock.atEpochSecond(TS);
    private final RequestSignature signature = new RequestSignature(SigningKey.of(KEY), clock);
    private final Request request = Request.of("10.1.2.3", "10.9.8.7", "tcp", null, 443);

    private Optional<Refusal> verify(String json) {
        return signature.verify(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Refusal> refusal(Reason reason, String message) {
        return Optional.of(new Refusal(reason, message));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "10.1.2.3 | 10.9.8.7 | tcp | - | 443 | dumbno-v1\\n10.1.2.3\\n10.9.8.7\\ntcp\\n0\\n443\\n1700000000",
        "- | 2001:DB8:0:0:0:0:0:1 | ip | - | - | dumbno-v1\\n\\n2001:db8::1\\n\\n0\\n0\\n1700000000",
        "2001:db8::a | - | ipv6 | - | - | dumbno-v1\\n2001:db8::a\\n\\n\\n0\\n0\\n1700000000",
        "10.0.0.1 | - | 6 | 2000 | 22 | dumbno-v1\\n10.0.0.1\\n\\ntcp\\n2000\\n22\\n1700000000",
        "10.0.0.1 | - | UDP | - | 53 | dumbno-v1\\n10.0.0.1\\n\\nudp\\n0\\n53\\n1700000000",
        "10.0.0.1 | - | 99 | - | - | dumbno-v1\\n10.0.0.1\\n\\n99\\n0\\n0\\n1700000000",
        "10.0.0.1 | - | 47 | - | - | dumbno-v1\\n10.0.0.1\\n\\ngre\\n0\\n0\\n1700000000",
        "fe80::1 | - | icmpv6 | - | - | dumbno-v1\\nfe80::1\\n\\nicmpv6\\n0\\n0\\n1700000000",
        "- | - | sctp | - | 9 | dumbno-v1\\n\\n\\nsctp\\n0\\n9\\n1700000000",
    })
    void theCanonicalStringIsExactlyThis(String src, String dst, String proto, Integer sport,
            Integer dport, String expected) {
        Request r = Request.of(src, dst, proto, sport, dport);

        assertEquals(expected.replace("\\n", "\n"), RequestSignature.canonical(r, TS));
    }

    @Test
    void theSignatureIsTheHmacSha256OfTheCanonicalStringInLowerCaseHex() {
        JsonObject json = JsonParser.parseString(RequestSignature.sign(request, KEY, TS)).getAsJsonObject();

        // computed independently of this code from the canonical string above and KEY
        assertEquals("0e831be0324a0fce13332955b772591ef584fce10a18d6da5860897d16128538",
                json.get("sig").getAsString());
        assertEquals(TS, json.get("ts").getAsLong());
        assertEquals("10.1.2.3", json.get("src").getAsString());
        assertEquals("10.9.8.7", json.get("dst").getAsString());
        assertEquals("tcp", json.get("proto").getAsString());
        assertTrue(json.get("sport").isJsonNull());
        assertEquals(443, json.get("dport").getAsInt());
    }

    @Test
    void aSignedRequestIsReadAsTheSameRequest() {
        byte[] datagram = RequestSignature.sign(request, KEY, TS).getBytes(StandardCharsets.UTF_8);

        assertEquals(request, Request.parse(datagram));
    }

    @Test
    void aSignedRequestVerifies() {
        assertEquals(Optional.empty(), verify(RequestSignature.sign(request, KEY, TS)));
    }

    @Test
    void aSignatureMadeElsewhereInAnotherKeyOrderVerifies() {
        assertEquals(Optional.empty(), verify("{\"ts\": 1700000000, \"proto\": 6, \"dport\": \"443\","
                + " \"sig\": \"0e831be0324a0fce13332955b772591ef584fce10a18d6da5860897d16128538\","
                + " \"dst\": \"10.9.8.7\", \"src\": \"10.1.2.3\", \"client\": \"zeek\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"src\": \"10.1.2.3\", \"proto\": \"tcp\", \"dport\": 443}",
        "{\"src\": \"10.1.2.3\", \"proto\": \"tcp\", \"dport\": 443, \"ts\": 1700000000}",
        "{\"src\": \"10.1.2.3\", \"proto\": \"tcp\", \"dport\": 443, \"sig\": \"00\"}",
        "{\"src\": \"10.1.2.3\", \"proto\": \"tcp\", \"dport\": 443, \"ts\": null, \"sig\": null}",
    })
    void anUnsignedRequestIsRefused(String json) {
        assertEquals(refusal(Reason.NOT_SIGNED, "request not signed"), verify(json));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"src\":\"10.1.2.3\"   | \"src\":\"10.1.2.4\"",
        "\"src\":\"10.1.2.3\"   | \"src\":null",
        "\"dst\":\"10.9.8.7\"   | \"dst\":\"10.9.8.6\"",
        "\"proto\":\"tcp\"      | \"proto\":\"udp\"",
        "\"sport\":null         | \"sport\":1",
        "\"dport\":443          | \"dport\":444",
        "\"ts\":1700000000      | \"ts\":1700000001",
        "\"sig\":\"0e831b       | \"sig\":\"1e831b",
        "\"sig\":\"0e831b       | \"sig\":\"0E831B",
    })
    void tamperingWithAnyFieldBreaksTheSignature(String original, String tampered) {
        String signed = RequestSignature.sign(request, KEY, TS);
        assertTrue(signed.contains(original), signed);

        assertEquals(refusal(Reason.BAD_SIGNATURE, "bad signature"),
                verify(signed.replace(original, tampered)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"\"", "\"0e831be0\"", "1234", "true",
        "\"0e831be0324a0fce13332955b772591ef584fce10a18d6da5860897d161285380\"",
        "\"ze831be0324a0fce13332955b772591ef584fce10a18d6da5860897d16128538\"",
    })
    void aMalformedSignatureIsABadOne(String sig) {
        assertEquals(refusal(Reason.BAD_SIGNATURE, "bad signature"), verify(
                "{\"src\":\"10.1.2.3\",\"dst\":\"10.9.8.7\",\"proto\":\"tcp\",\"dport\":443,"
                        + "\"ts\":1700000000,\"sig\":" + sig + "}"));
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefused() {
        byte[] other = "another key, also 32 bytes long!".getBytes(StandardCharsets.US_ASCII);

        assertEquals(refusal(Reason.BAD_SIGNATURE, "bad signature"),
                verify(RequestSignature.sign(request, other, TS)));
    }

    @ParameterizedTest(name = "signed {0} s from now")
    @CsvSource({"-31", "31", "-3600", "86400"})
    void aRequestSignedOutsideTheWindowIsRefused(long offset) {
        long ts = TS + offset;

        assertEquals(refusal(Reason.STALE_TIMESTAMP,
                        "request too old or from the future (ts=" + ts + ")"),
                verify(RequestSignature.sign(request, KEY, ts)));
    }

    @ParameterizedTest(name = "signed {0} s from now")
    @CsvSource({"-30", "30", "0"})
    void aRequestSignedAtTheEdgeOfTheWindowIsAccepted(long offset) {
        assertEquals(Optional.empty(), verify(RequestSignature.sign(request, KEY, TS + offset)));
    }

    @Test
    void anExactReplayIsRefused() {
        String signed = RequestSignature.sign(request, KEY, TS);
        assertEquals(Optional.empty(), verify(signed));

        clock.advance(Duration.ofSeconds(5));

        assertEquals(refusal(Reason.REPLAYED, "replayed request"), verify(signed));
        assertEquals(refusal(Reason.REPLAYED, "replayed request"), verify(" " + signed.replace(",", ", ")));
    }

    @Test
    void aReplayAfterTheWindowIsRefusedAsTooOld() {
        String signed = RequestSignature.sign(request, KEY, TS);
        verify(signed);

        clock.advance(Duration.ofSeconds(31));

        assertEquals(refusal(Reason.STALE_TIMESTAMP,
                "request too old or from the future (ts=1700000000)"), verify(signed));
    }

    @Test
    void theSameRequestSignedAgainLaterIsAccepted() {
        assertEquals(Optional.empty(), verify(RequestSignature.sign(request, KEY, TS)));
        clock.advance(Duration.ofSeconds(1));

        assertEquals(Optional.empty(), verify(RequestSignature.sign(request, KEY, TS + 1)));
    }

    @Test
    void anInvalidRequestIsRefusedWithItsOwnReason() {
        assertEquals(refusal(Reason.INVALID_REQUEST, "dport (70000) must be 1-65535"),
                verify("{\"src\": \"10.1.2.3\", \"dport\": 70000, \"ts\": 1700000000, \"sig\": \"00\"}"));
        assertEquals(Reason.INVALID_REQUEST, verify("not json").orElseThrow().reason());
    }

    @ParameterizedTest(name = "ts {0}")
    @CsvSource(delimiter = '|', value = {
        "1.7e9 | ts (1.7e9) must be whole unix seconds",
        "-5 | ts (-5) must be whole unix seconds",
        "\"soon\" | ts (soon) must be whole unix seconds",
        "1700000000.5 | ts (1700000000.5) must be whole unix seconds",
        "[1] | ts must be a number of unix seconds, not array",
    })
    void aTimestampThatIsNotWholeSecondsIsRefused(String ts, String message) {
        assertEquals(refusal(Reason.INVALID_REQUEST, message),
                verify("{\"src\": \"10.1.2.3\", \"ts\": " + ts + ", \"sig\": \"00\"}"));
    }

    @Test
    void signingRefusesANegativeTimestamp() {
        assertThrows(InvalidRequestException.class, () -> RequestSignature.sign(request, KEY, -1));
    }

    @Test
    void theHmacIsStandardHmacSha256() {
        // RFC 4231 test case 2
        byte[] mac = RequestSignature.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?");

        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(mac));
    }

    @Test
    void neitherTheVerifierNorItsKeyShowsTheKey() {
        assertFalse(signature.toString().contains("0123456789abcdef"));
        assertFalse(SigningKey.of(KEY).toString().contains("0123456789abcdef"));
    }

    @org.junit.jupiter.api.Test
    void aRemovalSignsAnEighthLineSoNoSignedAddBecomesOne() {
        Order remove = Order.remove(request);
        JsonObject signedAdd = JsonParser.parseString(RequestSignature.sign(request, KEY, TS)).getAsJsonObject();
        signedAdd.addProperty("op", "remove");

        assertEquals(RequestSignature.canonical(request, TS) + "\nremove", RequestSignature.canonical(remove, TS));
        assertEquals(Optional.of(new Refusal(Reason.BAD_SIGNATURE, "bad signature")), verify(signedAdd.toString()));
        assertEquals(Optional.empty(), verify(RequestSignature.sign(remove, KEY, TS)));
    }
}
