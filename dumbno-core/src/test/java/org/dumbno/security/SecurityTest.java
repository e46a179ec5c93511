package org.dumbno.security;

import static org.dumbno.testing.Addrs.inet;
import static org.dumbno.testing.Addrs.ips;
import static org.dumbno.testing.Addrs.mapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dumbno.rule.Request;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** The checks composed as the server and the engine run them, and the refusals counted. */
class SecurityTest {
    private static final byte[] KEY = RequestSignatureTest.KEY;
    private static final long TS = RequestSignatureTest.TS;

    private final ManualClock clock = ManualClock.atEpochSecond(TS);
    private final Request request = Request.of("10.1.2.3", "10.9.8.7", "tcp", null, 443);
    private final byte[] unsigned = request.toJson().getBytes(StandardCharsets.UTF_8);

    private static InetSocketAddress from(String client) {
        return new InetSocketAddress(inet(client), 40000);
    }

    private Security security(List<String> allow, double rate, double burst, byte[] key) {
        return Security.builder().allowClients(ips(allow.toArray(String[]::new)))
                .neverShunt(ips("192.0.2.53/32", "2001:db8::/64")).rateLimit(rate, burst).secret(key).clock(clock).build();
    }

    private byte[] signed(long ts) {
        return RequestSignature.sign(request, KEY, ts).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withNoRestrictionsEveryUnsignedRequestPasses() {
        Security open = Security.builder().rateLimit(0, 0).clock(clock).build();

        for (int i = 0; i < 5000; i++) {
            assertEquals(Optional.empty(), open.gate().check(from("203.0.113.1"), unsigned));
        }
        assertFalse(open.requiresSignature());
        assertTrue(open.refusals().values().stream().allMatch(count -> count == 0));
    }

    @Test
    void aClientOutsideTheAllowListIsToldSoAndCounted() {
        Security security = security(List.of("10.0.0.0/8", "2001:db8:1::/48"), 100, 1000, null);

        assertEquals(Optional.of("client not allowed"), security.gate().check(from("11.0.0.1"), unsigned));
        assertEquals(Optional.of("client not allowed"),
                security.gate().check(from("2001:db8:2::1"), unsigned));
        assertEquals(Optional.empty(), security.gate().check(from("10.0.0.1"), unsigned));
        assertEquals(Optional.empty(), security.gate().check(from("2001:db8:1::1"), unsigned));
        assertEquals(Optional.empty(),
                security.gate().check(new InetSocketAddress(mapped("10.0.0.1"), 1), unsigned));
        assertEquals(2L, security.refusals().get("client_not_allowed"));
    }

    @Test
    void anUnresolvedClientAddressIsNotAllowed() {
        Security security = security(List.of(), 100, 1000, null);

        assertEquals(Optional.of("client not allowed"), security.gate().check(
                InetSocketAddress.createUnresolved("sensor.example", 1), unsigned));
    }

    @Test
    void aClientOverItsRateIsLimitedAndOthersAreNot() {
        Security security = security(List.of(), 1, 3, null);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), security.gate().check(from("10.0.0.1"), unsigned));
        }

        assertEquals(Optional.of("rate limit exceeded"), security.gate().check(from("10.0.0.1"), unsigned));
        assertEquals(Optional.empty(), security.gate().check(from("10.0.0.2"), unsigned));
        assertEquals(1L, security.refusals().get("rate_limited"));
    }

    @Test
    void refusedClientsSpendNoTokens() {
        Security security = security(List.of("10.0.0.0/8"), 1, 1, null);

        security.gate().check(from("11.0.0.1"), unsigned);

        assertEquals(Optional.empty(), security.gate().check(from("10.0.0.1"), unsigned));
    }

    @Test
    void withAKeyOnlySignedRequestsPass() {
        Security security = security(List.of(), 100, 1000, KEY);

        assertTrue(security.requiresSignature());
        assertEquals(Optional.of("request not signed"), security.gate().check(from("10.0.0.1"), unsigned));
        assertEquals(Optional.empty(), security.gate().check(from("10.0.0.1"), signed(TS)));
        assertEquals(Optional.of("replayed request"), security.gate().check(from("10.0.0.1"), signed(TS)));
        assertEquals(Optional.of("request too old or from the future (ts=1699999000)"),
                security.gate().check(from("10.0.0.1"), signed(TS - 1000)));
    }

    @Test
    void theSignatureIsCheckedBeforeAnyRateIsSpent() {
        Security security = security(List.of(), 1, 2, KEY);
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.of("request not signed"), security.gate().check(from("10.0.0.1"), unsigned));
        }

        assertEquals(Optional.empty(), security.gate().check(from("10.0.0.1"), signed(TS)),
                "forged datagrams from the sensor's address spent none of its allowance");
        assertEquals(Optional.empty(), security.gate().check(from("10.0.0.1"), signed(TS - 1)));
        assertEquals(Optional.of("rate limit exceeded"), security.gate().check(from("10.0.0.1"), signed(TS - 2)));
        assertEquals(0L, security.refusals().get("replayed"));
    }

    @Test
    void everyKindOfRefusalIsCountedUnderItsOwnName() {
        Security security = security(List.of("10.0.0.0/8"), 1, 1, KEY);
        security.gate().check(from("11.0.0.1"), unsigned);
        security.gate().check(from("10.0.0.1"), "{\"dport\": 99999}".getBytes(StandardCharsets.UTF_8));
        security.gate().check(from("10.0.0.1"), RequestSignature.sign(request, new byte[32], TS)
                .getBytes(StandardCharsets.UTF_8));
        security.gate().check(from("10.0.0.1"), signed(TS + 60));
        security.gate().check(from("10.0.0.1"), unsigned);
        security.gate().check(from("10.0.0.1"), signed(TS));
        security.gate().check(from("10.0.0.1"), signed(TS - 1));
        security.requestFilter().check(Request.of("10.0.0.1", "192.0.2.53", null, null, null));

        assertEquals(Map.of("client_not_allowed", 1L, "rate_limited", 1L, "invalid_request", 1L,
                "not_signed", 1L, "bad_signature", 1L, "stale_timestamp", 1L, "replayed", 0L,
                "never_shunt", 1L), security.refusals());
        assertEquals(List.of("client_not_allowed", "rate_limited", "invalid_request", "not_signed",
                "bad_signature", "stale_timestamp", "replayed", "never_shunt"),
                List.copyOf(security.refusals().keySet()));
    }

    @Test
    void theRequestFilterRefusesProtectedNetworks() {
        Security security = security(List.of(), 100, 1000, null);

        assertEquals(Optional.of("dst 192.0.2.53 is in never_shunt 192.0.2.53/32"),
                security.requestFilter().check(Request.of("10.0.0.1", "192.0.2.53", "udp", null, 53)));
        assertEquals(Optional.of("src any would cover never_shunt 2001:db8::/64"),
                security.requestFilter().check(Request.of(null, "2001:db9::1", null, null, null)));
        assertEquals(Optional.empty(), security.requestFilter().check(request));
        assertEquals(2L, security.refusals().get("never_shunt"));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> security(List.of(), -1, 10, null));
        assertThrows(IllegalArgumentException.class, () -> security(List.of(), 10, 0, null));
        assertThrows(IllegalArgumentException.class, () -> security(List.of(), 10, 10, new byte[8]));
    }

    @Test
    void theKeyIsNotInToString() {
        String text = security(List.of(), 100, 1000, KEY).toString();

        assertFalse(text.contains(new String(KEY, StandardCharsets.US_ASCII)));
        assertTrue(text.contains("192.0.2.53/32"));
    }
}
