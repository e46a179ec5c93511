package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.client.ACLClient;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.security.SigningKey;
import org.dumbno.testing.Addrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code "op": "remove"} in real datagrams to the real daemon, checked on its switch over eAPI. */
@Timeout(30)
class DaemonRemoveIT {
    private static final String ADD = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"dport\":443}";
    private static final String REMOVE = "{\"op\":\"remove\",\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\","
            + "\"proto\":\"tcp\",\"dport\":443}";
    private static final Rule RULE = Rule.parse("tcp host 10.1.2.3 host 192.0.2.9 eq 443");

    @TempDir
    Path dir;

    private static long linesOf(Daemon daemon, Rule rule) throws IOException {
        Map<AclKey, List<AclEntry>> acls = TestDaemons.readAsSecondProcess(daemon);
        return acls.values().stream().flatMap(List::stream).filter(e -> rule.equals(e.rule())).count();
    }

    @Test
    void aRemovalOverUdpTakesTheShuntFromEveryList() throws IOException {
        try (Daemon daemon = TestDaemons.start(settings -> settings)) {
            assertEquals("ok", TestDaemons.ask(daemon, ADD));
            assertEquals(2, linesOf(daemon, RULE));

            assertEquals("ok", TestDaemons.ask(daemon, REMOVE));

            assertEquals(0, linesOf(daemon, RULE));
            assertEquals(List.of(), daemon.manager().active());
            assertEquals("ok", TestDaemons.ask(daemon, REMOVE), "a rule that is not there is removed already");
        }
    }

    @Test
    void anUnknownOpIsRefusedAndChangesNothing() throws IOException {
        try (Daemon daemon = TestDaemons.start(settings -> settings)) {
            assertEquals("ok", TestDaemons.ask(daemon, ADD));

            assertEquals("error: op (delete) must be add or remove",
                    TestDaemons.ask(daemon, REMOVE.replace("remove", "delete")));

            assertEquals(2, linesOf(daemon, RULE));
        }
    }

    @Test
    void onlyClientsThatMayAddMayRemove() throws IOException {
        try (Daemon daemon = TestDaemons.start(settings -> settings.allowClients(List.of(Addrs.ip("10.0.0.0/8"))))) {
            daemon.manager().add(Request.of("10.1.2.3", "192.0.2.9", "tcp", null, 443)).join();

            assertEquals("error: client not allowed", TestDaemons.ask(daemon, REMOVE));

            assertEquals(2, linesOf(daemon, RULE));
        }
    }

    @Test
    void withAKeyARemovalMustBeSignedAndTheClientSignsIt() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("request.key"), "0123456789abcdef0123456789abcdef\n");
        try (Daemon daemon = TestDaemons.start(settings -> settings.secretFile(keyFile))) {
            daemon.manager().add(Request.of("10.1.2.3", "192.0.2.9", "tcp", null, 443)).join();

            assertEquals("error: request not signed", TestDaemons.ask(daemon, REMOVE));
            assertEquals(2, linesOf(daemon, RULE));

            try (ACLClient client = ACLClient.builder()
                    .server("127.0.0.1:" + daemon.listening().get(0).getPort())
                    .secret(SigningKey.load(keyFile).bytes()).build()) {
                assertEquals("ok", client.removeAcl("10.1.2.3", "192.0.2.9", "tcp", null, 443));
            }
            assertEquals(0, linesOf(daemon, RULE));
            assertTrue(daemon.manager().active().isEmpty());
        }
    }
}
