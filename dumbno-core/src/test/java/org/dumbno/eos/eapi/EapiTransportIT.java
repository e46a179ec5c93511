package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.ScriptedTransport;
import org.dumbno.eos.Transport.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The eAPI client against the eAPI server, over loopback HTTP. */
@Timeout(30)
class EapiTransportIT {

    private static final String USER = "dumbno";
    private static final String PASSWORD = "s3cret-pass";
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private static EapiServer serve(ScriptedTransport backend) throws Exception {
        return EapiServer.start(backend, ANY_PORT, USER, PASSWORD, null);
    }

    private static EapiTransport client(int port, String password, Duration timeout) {
        return EapiTransport.builder().scheme("http").host("127.0.0.1").port(port)
                .user(USER).password(password.toCharArray()).timeout(timeout).build();
    }

    private static EapiTransport client(EapiServer server) {
        return client(server.address().getPort(), PASSWORD, Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void runsSeveralCommandsInEitherFormat(Format format) throws Exception {
        ScriptedTransport backend = ScriptedTransport.echo();
        List<String> commands = List.of("enable", "configure", "show ip access-lists bulk_1");
        try (EapiServer server = serve(backend); EapiTransport eapi = client(server)) {
            List<JsonObject> results = eapi.runCmds(commands, format);

            assertEquals(commands.stream().map(c -> ScriptedTransport.echoOf(c, format)).toList(), results);
            assertEquals(List.of(new ScriptedTransport.Call(commands, format)), backend.calls());
        }
    }

    @Test
    void refusedCommandCarriesCodeIndexErrorsAndEarlierResults() throws Exception {
        List<String> commands = List.of("enable", "configure", "ip access-list bulk_1", "501 deny tcp any eq 99999 any");
        ScriptedTransport backend = new ScriptedTransport((cmds, format) -> {
            List<JsonObject> before = cmds.subList(0, 3).stream().map(c -> ScriptedTransport.echoOf(c, format)).toList();
            throw new CommandFailedException("sim", 1002, 3, cmds.get(3),
                    List.of("Invalid input (at token 5: '99999')"), before);
        });
        try (EapiServer server = serve(backend); EapiTransport eapi = client(server)) {
            CommandFailedException e = assertThrows(CommandFailedException.class, () -> eapi.runCmds(commands));

            assertEquals(1002, e.code());
            assertEquals(3, e.failedIndex());
            assertEquals(commands.get(3), e.failedCommand());
            assertEquals(List.of("Invalid input (at token 5: '99999')"), e.errors());
            assertEquals(commands.subList(0, 3).stream().map(c -> ScriptedTransport.echoOf(c, Format.JSON)).toList(),
                    e.results());
            assertEquals(eapi.describe(), e.switchName());
        }
    }

    @Test
    void badPasswordIsAnAuthenticationFailureThatDoesNotRepeatThePassword() throws Exception {
        try (EapiServer server = serve(ScriptedTransport.echo());
                EapiTransport eapi = client(server.address().getPort(), "wrong-pass", Duration.ofSeconds(5))) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> eapi.runCmds(List.of("show version")));

            assertTrue(e.getMessage().contains("bad username or password for user dumbno"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-pass"), e.getMessage());
            assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        }
    }

    @Test
    void unavailableBackendIsHttp500AndAnUnavailableSwitch() throws Exception {
        ScriptedTransport backend = new ScriptedTransport((cmds, format) -> {
            throw new SwitchUnavailableException("sim", "injected fault", null);
        });
        try (EapiServer server = serve(backend); EapiTransport eapi = client(server)) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version")));

            assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        }
    }

    @Test
    void slowSwitchTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedTransport backend = new ScriptedTransport((cmds, format) -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new JsonObject());
        });
        try (EapiServer server = serve(backend);
                EapiTransport eapi = client(server.address().getPort(), PASSWORD, Duration.ofMillis(300))) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version")));

            assertTrue(e.getMessage().contains("no answer within 300 ms"), e.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void closedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (EapiTransport eapi = client(port, PASSWORD, Duration.ofSeconds(5))) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version")));

            assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
            assertTrue(e.getMessage().startsWith("http://127.0.0.1:" + port + ": "), e.getMessage());
        }
    }

    @Test
    @Timeout(8) // 200 calls take well under a second; Nagle's delay made them take 9
    void manySequentialCallsSucceedQuickly() throws Exception {
        ScriptedTransport backend = ScriptedTransport.echo();
        try (EapiServer server = serve(backend); EapiTransport eapi = client(server)) {
            for (int i = 0; i < 200; i++) {
                List<String> commands = IntStream.rangeClosed(0, i % 5).mapToObj(n -> "show " + n).toList();
                assertEquals(commands.size(), eapi.runCmds(commands).size());
            }
            assertEquals(200, backend.calls().size());
        }
    }

    @Test
    void describesSchemeHostAndPort() {
        try (EapiTransport eapi = EapiTransport.builder().host("192.0.2.1").build();
                EapiTransport v6 = EapiTransport.builder().scheme("http").host("[2001:db8::1]").port(8080).build()) {
            assertEquals("https://192.0.2.1:443", eapi.describe());
            assertEquals("http://[2001:db8::1]:8080", v6.describe());
        }
    }
}
