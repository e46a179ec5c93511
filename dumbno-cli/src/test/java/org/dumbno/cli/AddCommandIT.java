package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.Request;
import org.dumbno.server.UdpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code dumbno add} against a real server on loopback. */
@Timeout(30)
class AddCommandIT {
    private final Set<Request> seen = ConcurrentHashMap.newKeySet();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private UdpServer server;

    /** Installs every request except those for port 666. */
    private final Shunter shunter = request -> {
        seen.add(request);
        return CompletableFuture.completedFuture(request.dport() == 666
                ? ShuntOutcome.refused(request.toRule(), "port 666 is never shunted")
                : ShuntOutcome.installed(request.toRule(), 501));
    };

    @BeforeEach
    void start() throws IOException {
        server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("::1", 0)),
                shunter, UdpServer.Options.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        CommandLine cli = DumbnoCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String ipv4Server() {
        return "127.0.0.1:" + server.addresses().get(0).getPort();
    }

    @Test
    void okExitsZero() {
        int code = run("add", "--src", "10.1.2.3", "--dst", "192.0.2.9", "--proto", "tcp", "--sport", "51234",
                "--dport", "443", "--server", ipv4Server());

        assertEquals(ExitCodes.OK, code, err::toString);
        assertEquals("ok" + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
        assertEquals(Set.of(Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443)), seen);
    }

    @Test
    void talksToAnIpv6Server() {
        int code = run("add", "--src", "2001:db8::1", "--server", "[::1]:" + server.addresses().get(1).getPort());

        assertEquals(ExitCodes.OK, code, err::toString);
        assertEquals(Set.of(Request.of("2001:db8::1", null, null, null, null)), seen);
    }

    @Test
    void theServerMayBeAHostName() throws IOException {
        int listening = java.net.InetAddress.getByName("localhost") instanceof java.net.Inet6Address ? 1 : 0;
        int code = run("add", "--src", "10.1.2.3", "--server", "localhost:" + server.addresses().get(listening).getPort());

        assertEquals(ExitCodes.OK, code, err::toString);
        assertEquals(Set.of(Request.of("10.1.2.3", null, null, null, null)), seen);
    }

    @Test
    void aServerNameThatDoesNotResolveIsNoAnswer() {
        int code = run("add", "--src", "10.1.2.3", "--server", "dumbno.invalid:9000");

        assertEquals(ExitCodes.UNREACHABLE, code);
        assertEquals("dumbno: server dumbno.invalid:9000: unknown host" + System.lineSeparator(), err.toString());
    }

    @Test
    void anErrorReplyIsPrintedAndExitsOne() {
        int code = run("add", "--dst", "192.0.2.9", "--proto", "udp", "--dport", "666", "--server", ipv4Server());

        assertEquals(ExitCodes.FAILED, code);
        assertEquals("error: port 666 is never shunted" + System.lineSeparator(), out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "add",
        "add --proto tcp",
        "add --src 10.1.2.3 --dport 70000 --proto tcp",
        "add --src 10.1.2.3 --dport 80",
        "add --src sensor.example.org",
        "add --src 10.1.2.3 --sport abc",
        "add --src 10.1.2.3 --bogus",
        "add --src 10.1.2.3 --server local_host:9000",
        "add --src 10.1.2.3 --server 127.0.0.1:70000",
        "add --src 10.1.2.3 --retries 0",
        "add --src 10.1.2.3 --timeout 0",
        "add --src 10.1.2.3 --timeout soon",
        "add --src 10.1.2.3 --server 127.0.0.1:9000 --server 127.0.0.1:9001",
    })
    void badArgumentsExitTwoWithOneLine(String commandLine) {
        int code = run(commandLine.split(" "));

        assertEquals(ExitCodes.USAGE, code, err::toString);
        assertEquals("", out.toString());
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().startsWith("dumbno: "), err::toString);
        assertTrue(seen.isEmpty());
        assertEquals(0, server.stats().received());
    }

    @Test
    void noAnswerExitsThreeWithOneLine() throws IOException {
        try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) silent.getLocalAddress()).getPort();
            long started = System.nanoTime();
            int code = run("add", "--src", "10.1.2.3", "--server", "127.0.0.1:" + port);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertEquals(ExitCodes.UNREACHABLE, code);
            assertEquals("dumbno: no answer from 127.0.0.1:" + port + " after 3 tries: no dumbno serving there,"
                    + " or it waits for its switch ('dumbno status CFG' checks the switch)" + System.lineSeparator(),
                    err.toString());
            assertEquals("", out.toString());
            assertTrue(tookMillis >= 2_900 && tookMillis < 6_000, "gave up after " + tookMillis + " ms");
        }
    }

    @Test
    void timeoutAndRetriesAreHonoured() throws IOException {
        try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) silent.getLocalAddress()).getPort();
            int code = run("add", "--src", "10.1.2.3", "--server", "127.0.0.1:" + port, "--timeout", "0.1",
                    "--retries", "2");

            assertEquals(ExitCodes.UNREACHABLE, code);
            assertEquals("dumbno: no answer from 127.0.0.1:" + port + " after 2 tries: no dumbno serving there,"
                    + " or it waits for its switch ('dumbno status CFG' checks the switch)" + System.lineSeparator(),
                    err.toString());
        }
    }
}
