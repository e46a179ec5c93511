package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.Transport;
import org.dumbno.eos.eapi.EapiTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code dumbno simulate} on loopback, spoken to with the eAPI transport. */
@Timeout(60)
class SimulateCommandIT {
    private final SimulateCommand command = new SimulateCommand();
    private final StringWriter out = new StringWriter();
    private final PipedOutputStream faults = new PipedOutputStream();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private Future<Integer> exit;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws InterruptedException, IOException {
        command.faults = new PipedInputStream(faults);
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        exit = runner.submit(() -> cli.execute("--listen", "127.0.0.1:0", "--user", "ops", "--password", "s3cret",
                "--interfaces", "Ethernet1-4", "--egress", "Ethernet9"));
        address = command.awaitStarted(Duration.ofSeconds(30));
        assertNotNull(address, "the server did not start");
    }

    @AfterEach
    void stop() throws Exception {
        faults.close();
        command.stop();
        assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
        runner.shutdownNow();
    }

    /** Types fault commands, then ends standard input and waits until they were all carried out. */
    private void type(String lines) throws Exception {
        faults.write(lines.getBytes(StandardCharsets.UTF_8));
        faults.close();
        assertTrue(command.awaitConsoleEnded(Duration.ofSeconds(30)));
    }

    private Transport transport(String password) {
        return EapiTransport.builder().scheme("http").host("127.0.0.1").port(address.getPort()).user("ops")
                .password(password).build();
    }

    @Test
    void printsTheUrlAndUserThenWhatEachFaultDid() throws Exception {
        type("bogus\ncounters off\n");
        assertEquals(List.of("simulated switch listening on http://127.0.0.1:" + address.getPort()
                + "/command-api (user ops)", "type a fault to inject (help lists them)",
                "simulate: unknown fault 'bogus'; help lists them",
                "simulate: no counters per-entry in every ACL"), out.toString().lines().toList());
        assertFalse(out.toString().contains("s3cret"));
    }

    @Test
    void faultsTypedWhileServingReachTheSwitch() throws Exception {
        try (Transport eapi = transport("s3cret")) {
            eapi.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "counters per-entry"));
            type("counters off\n");
            eapi.runCmds(List.of("enable", "configure", "ip access-list bulk_2", "counters per-entry"));
            JsonObject shown = eapi.runCmds(List.of("show ip access-lists summary")).get(0);
            assertEquals(List.of("bulk_1:false", "bulk_2:true"), shown.getAsJsonArray("aclList").asList().stream()
                    .map(e -> e.getAsJsonObject().get("name").getAsString() + ":"
                            + e.getAsJsonObject().get("countersEnabled").getAsBoolean()).toList());
        }
    }

    @Test
    void setupAndReadBackOverEapi() throws Exception {
        try (Transport eapi = transport("s3cret")) {
            eapi.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "counters per-entry",
                    "501 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443", "interface Ethernet1",
                    "ip access-group bulk_1 in"));
            JsonObject shown = eapi.runCmds(List.of("show ip access-lists bulk_1")).get(0);
            JsonObject entry = shown.getAsJsonArray("aclList").get(0).getAsJsonObject().getAsJsonArray("sequence")
                    .get(0).getAsJsonObject();
            assertEquals("deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https", entry.get("text").getAsString());
            String config = eapi.runCmds(List.of("show running-config interfaces Ethernet1"), Transport.Format.TEXT)
                    .get(0).get("output").getAsString();
            assertEquals("interface Ethernet1\n   ip access-group bulk_1 in\n", config);
            assertTrue(eapi.runCmds(List.of("show interfaces counters")).get(0).getAsJsonObject("interfaces")
                    .has("Ethernet9"));
        }
    }

    @Test
    void refusedCommandsKeepEapiErrorSemantics() {
        try (Transport eapi = transport("s3cret")) {
            CommandFailedException e = assertThrows(CommandFailedException.class, () -> eapi.runCmds(
                    List.of("enable", "configure", "ip access-list a", "10 permit ip any any", "10 permit ip any any")));
            assertEquals(1002, e.code());
            assertEquals(4, e.failedIndex());
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        try (Transport eapi = transport("wrong")) {
            assertThrows(AuthenticationException.class, () -> eapi.runCmds(List.of("show version")));
        }
    }
}
