package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.rule.Request;
import org.dumbno.testing.Closer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The [dumbno] security settings, end to end: a real daemon refusing real datagrams. */
@Timeout(30)
class DaemonPolicyIT {
    private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @RegisterExtension
    final Closer closer = new Closer();
    private Daemon daemon;

    private void start(UnaryOperator<DumbnoSettings.Builder> settings) throws IOException {
        daemon = closer.add(Daemon.start(TestDaemons.config(settings), Daemon.Options.builder().clock(FROZEN).build()));
    }

    @Test
    void aClientOutsideAllowClientsIsRefused() throws IOException {
        start(s -> s.allowClients(List.of(TestDaemons.ip("::1"), TestDaemons.ip("10.0.0.0/8"))));

        assertEquals("error: client not allowed", TestDaemons.ask(daemon, "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\"}"));
        assertEquals(0, TestDaemons.denyCount(daemon));
        assertEquals(1L, daemon.refusals().get("client_not_allowed"));
    }

    @Test
    void aClientInsideAllowClientsIsServed() throws IOException {
        start(s -> s.allowClients(List.of(TestDaemons.ip("127.0.0.0/8"))));

        assertEquals("ok", TestDaemons.ask(daemon, "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"src\":\"192.0.2.53\",\"dst\":\"10.1.2.3\"}|src 192.0.2.53 is in never_shunt",
        "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.53\"}|dst 192.0.2.53 is in never_shunt",
        "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":443}|dst any would cover never_shunt",
        "{\"dst\":\"10.1.2.3\"}|src any would cover never_shunt",
    })
    void neverShuntRefusesEitherSideAndAny(String datagram, String reason) throws IOException {
        start(s -> s.neverShunt(List.of(TestDaemons.ip("192.0.2.53/32"))));

        String reply = TestDaemons.ask(daemon, datagram);

        String expected = "error: " + reason;
        int limit = Math.max(datagram.length(), 32);
        assertTrue(reply.startsWith(expected.substring(0, Math.min(expected.length(), limit))), reply);
        assertTrue(reply.length() <= limit, reply + ": no longer than the request");
        assertEquals(0, TestDaemons.denyCount(daemon));
        assertEquals("ok", TestDaemons.ask(daemon, "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\"}"));
    }

    @Test
    void aClientOverItsBurstIsRateLimited() throws IOException {
        start(s -> s.rateLimit(1).rateBurst(3));
        List<String> replies = new ArrayList<>();

        for (int i = 1; i <= 5; i++) {
            replies.add(TestDaemons.ask(daemon, "{\"src\":\"10.1.2." + i + "\",\"dst\":\"192.0.2.9\"}"));
        }

        assertEquals(List.of("ok", "ok", "ok", "error: rate limit exceeded", "error: rate limit exceeded"), replies);
        assertEquals(3 * 2, TestDaemons.denyCount(daemon), "three rules, in both ip ACLs");
    }

    @Test
    void withASecretFileOnlyFreshValidSignaturesAreServed() throws IOException {
        Path secret = Files.write(dir.resolve("secret"), KEY);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        start(s -> s.secretFile(secret));
        Request request = Request.of("10.1.2.3", "192.0.2.9", "tcp", null, 443);
        long now = FROZEN.instant().getEpochSecond();
        String signed = request.toFlowRequest().toSignedJson(KEY, now);

        assertEquals("error: request not signed", TestDaemons.ask(daemon, request.toJson()));
        assertEquals("error: bad signature", TestDaemons.ask(daemon, signed.replace("443", "444")));
        assertEquals("error: bad signature",
                TestDaemons.ask(daemon, request.toFlowRequest().toSignedJson("another key, 16 bytes or more".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), now)));
        assertEquals(0, TestDaemons.denyCount(daemon));
        assertEquals("ok", TestDaemons.ask(daemon, signed));
        assertEquals("error: replayed request", TestDaemons.ask(daemon, signed));
        assertTrue(TestDaemons.ask(daemon, request.toFlowRequest().toSignedJson(KEY, now - 3600))
                .startsWith("error: request too old"));
        assertEquals(2, TestDaemons.denyCount(daemon));
    }
}
