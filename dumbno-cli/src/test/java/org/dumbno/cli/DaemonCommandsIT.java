package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dumbno.client.ACLClient;
import org.dumbno.cli.RunningDaemon.Run;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.Closer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** list, setup, stats and add --config as a second process runs them against a running daemon. */
@Timeout(60)
class DaemonCommandsIT {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closer closer = new Closer();
    private RunningDaemon running;

    @BeforeEach
    void start() throws IOException {
        running = closer.add(RunningDaemon.start(dir, ""));
    }

    private String add(String src, String dst, String proto, Integer dport) throws IOException {
        try (ACLClient client = ACLClient.builder().server(running.server()).build()) {
            return client.addAcl(src, dst, proto, null, dport);
        }
    }

    @Test
    void listShowsTheHeaderOnlyWhenNothingIsShunted() {
        Run list = RunningDaemon.run("list", running.config().toString());

        assertEquals(ExitCodes.OK, list.code(), list.err());
        assertEquals("ACL  FAMILY  SEQ  RULE  MATCHES  IDLE FOR  PKTS/S" + NL, list.out());
    }

    @Test
    void listShowsAShuntInEveryAclWithItsMatches() throws IOException {
        assertEquals("ok", add("10.1.2.3", "192.0.2.9", "tcp", 443));
        assertEquals("ok", add("2001:db8::1", "2001:db8::2", null, null));
        running.simulated().send("Ethernet1", Flow.of(Protocol.TCP, "10.1.2.3", 51234, "192.0.2.9", 443), 7, 7000);

        Run list = RunningDaemon.run("list", running.config().toString());

        assertEquals(ExitCodes.OK, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(List.of("ACL", "FAMILY", "SEQ", "RULE", "MATCHES", "IDLE", "FOR", "PKTS/S"),
                List.of(lines.get(0).split("\\s+")));
        assertEquals(5, lines.size(), list.out());
        assertTrue(lines.get(1).matches("bulk_1\\s+ip\\s+501\\s+tcp host 10\\.1\\.2\\.3 host 192\\.0\\.2\\.9 eq https\\s+7\\s+0:00:\\d\\d\\s+-"),
                lines.get(1));
        assertTrue(lines.get(2).matches("bulk_2\\s+ip\\s+501\\s+tcp host 10\\.1\\.2\\.3 host 192\\.0\\.2\\.9 eq https\\s+0\\s+-\\s+-"),
                lines.get(2));
        assertTrue(lines.get(3).matches("bulk_1\\s+ipv6\\s+503\\s+ipv6 host 2001:db8::1 host 2001:db8::2\\s+0\\s+-\\s+-"), lines.get(3));
        assertTrue(lines.get(4).startsWith("bulk_2  ipv6    503"), lines.get(4));
    }

    @Test
    void listAsJsonHasTheSameFields() throws IOException {
        assertEquals("ok", add("10.1.2.3", "192.0.2.9", "udp", 5353));

        Run list = RunningDaemon.run("list", running.config().toString(), "--json");

        assertEquals(ExitCodes.OK, list.code(), list.err());
        JsonArray rows = JsonParser.parseString(list.out()).getAsJsonArray();
        assertEquals(2, rows.size());
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals("bulk_1", first.get("acl").getAsString());
        assertEquals("ip", first.get("family").getAsString());
        assertEquals(501, first.get("seq").getAsLong());
        assertEquals("udp host 10.1.2.3 host 192.0.2.9 eq 5353", first.get("rule").getAsString());
        assertEquals(0, first.get("matches").getAsLong());
        assertTrue(first.get("idle_for").isJsonNull());
        assertTrue(first.get("packets_per_second").isJsonNull(), "no metrics_listen to ask the daemon");
    }

    @Test
    void setupOnTheServedSwitchHasNothingToChange() {
        Run setup = RunningDaemon.run("setup", running.config().toString());

        assertEquals(ExitCodes.OK, setup.code(), setup.err());
        assertEquals("nothing to change" + NL, setup.out());
    }

    @Test
    void statsPrintsTotalsThenOneLinePerInterval() {
        running.simulated().advanceCounters("Ethernet1", 2_000_000_000L, 0);
        running.simulated().advanceCounters("Ethernet3", 1_500_000_000L, 0);
        running.simulated().advanceCounters("Ethernet11", 0, 1_000_000_000L);

        Run stats = RunningDaemon.run("stats", running.config().toString(), "--interval", "0.01", "--count", "2");

        assertEquals(ExitCodes.OK, stats.code(), stats.err());
        List<String> lines = stats.out().lines().toList();
        assertEquals(3, lines.size(), stats.out());
        assertEquals("total gigs: in=3.5 out=1.0 filtered=2.5", lines.get(0));
        for (String line : lines.subList(1, 3)) {
            assertTrue(line.matches("mbps: in=\\d+\\.\\d out=\\d+\\.\\d filtered=\\d+\\.\\d"), line);
        }
    }

    @Test
    void addWithConfigWritesStraightToTheSwitch() {
        Run add = RunningDaemon.run("add", "--config", running.config().toString(), "--src", "10.4.4.4",
                "--dst", "192.0.2.4", "--proto", "tcp", "--dport", "8443");

        assertEquals(ExitCodes.OK, add.code(), add.err());
        assertEquals("ok" + NL, add.out());
        Run list = RunningDaemon.run("list", running.config().toString());
        assertEquals(3, list.out().lines().count(), list.out());
        assertTrue(list.out().contains("tcp host 10.4.4.4 host 192.0.2.4 eq 8443"), list.out());
    }

    @Test
    void addWithConfigRefusesABadRequestBeforeTouchingTheSwitch() {
        Run add = RunningDaemon.run("add", "--config", running.config().toString(), "--src", "10.4.4.4",
                "--dst", "192.0.2.4", "--proto", "icmp", "--dport", "80");

        assertEquals(ExitCodes.USAGE, add.code());
        assertEquals(1, add.err().lines().count(), add.err());
        assertEquals("", add.out());
        assertEquals(0, running.simulated().entries("bulk_1", org.dumbno.rule.Family.IP).stream()
                .filter(e -> e.sequence() > 500 && e.sequence() < 100_000).count());
    }

    @Test
    void configAndServerExcludeEachOther() {
        Run add = RunningDaemon.run("add", "--config", running.config().toString(), "--server", running.server(),
                "--src", "10.4.4.4");

        assertEquals(ExitCodes.USAGE, add.code());
        assertTrue(add.err().startsWith("dumbno: "), add.err());
    }
}
