package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.cli.RunningDaemon.Run;
import org.dumbno.client.ACLClient;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.rule.Family;
import org.dumbno.testing.Closer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code dumbno remove} through the server and straight on the switch, and {@code dumbno flush}. */
@Timeout(60)
class RemoveAndFlushIT {
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

    private String eapi() {
        return "http://127.0.0.1:" + running.daemon().simulatedEapi().orElseThrow().getPort();
    }

    private void add(String src, String dst) throws IOException {
        try (ACLClient client = ACLClient.builder().server(running.server()).build()) {
            assertEquals("ok", client.addAcl(src, dst, "tcp", null, 443));
        }
    }

    /** Every line of one list, as "SEQ TEXT". */
    private List<String> lines(String acl, Family family) {
        return running.simulated().entries(acl, family).stream().map(e -> e.sequence() + " " + e.text()).toList();
    }

    private List<String> denies(String acl) {
        return running.simulated().entries(acl, Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .map(e -> e.sequence() + " " + e.text()).toList();
    }

    @Test
    void removeThroughTheServer() throws IOException {
        add("10.1.2.3", "192.0.2.9");
        add("10.1.2.4", "192.0.2.9");

        Run remove = RunningDaemon.run("remove", "--server", running.server(), "--src", "10.1.2.3",
                "--dst", "192.0.2.9", "--proto", "tcp", "--dport", "443");

        assertEquals(ExitCodes.OK, remove.code(), remove.err());
        assertEquals("ok" + NL, remove.out());
        assertEquals(List.of("503 deny tcp host 10.1.2.4 host 192.0.2.9 eq https"), denies("bulk_1"));
        assertEquals(List.of("503 deny tcp host 10.1.2.4 host 192.0.2.9 eq https"), denies("bulk_2"));
    }

    @Test
    void removeStraightOnTheSwitch() throws IOException {
        add("10.1.2.3", "192.0.2.9");

        Run remove = RunningDaemon.run("remove", "--config", running.config().toString(), "--src", "10.1.2.3",
                "--dst", "192.0.2.9", "--proto", "tcp", "--dport", "443");

        assertEquals(ExitCodes.OK, remove.code(), remove.err());
        assertEquals("ok" + NL, remove.out());
        assertEquals(List.of(), denies("bulk_1"));
        assertEquals(List.of(), denies("bulk_2"));
    }

    @Test
    void removeRefusesABadFlowBeforeSendingIt() {
        Run remove = RunningDaemon.run("remove", "--server", running.server(), "--src", "10.1.2.3", "--dport", "80");

        assertEquals(ExitCodes.USAGE, remove.code());
        assertEquals("dumbno: dport (80) needs proto tcp, udp or sctp, not ip" + NL, remove.err());
    }

    @Test
    void flushWithoutYesListsAndChangesNothing() throws IOException {
        add("10.1.2.3", "192.0.2.9");
        List<String> before = lines("bulk_1", Family.IP);

        Run flush = RunningDaemon.run("flush", "--config", running.config().toString());

        assertEquals(ExitCodes.FAILED, flush.code(), flush.err());
        String header = flush.out().lines().findFirst().orElseThrow();
        assertTrue(header.matches("ACL +FAMILY +SEQ +RULE +MATCHES +IDLE FOR"), "the preview has no PKTS/S: "
                + header);
        assertTrue(flush.out().contains("bulk_1  ip      501  tcp host 10.1.2.3 host 192.0.2.9 eq https"), flush.out());
        assertTrue(flush.out().endsWith("2 lines would be removed from " + eapi()
                + "; run again with --yes to remove them" + NL), flush.out());
        assertEquals(before, lines("bulk_1", Family.IP));
    }

    @Test
    void flushRemovesEveryDenyInTheRangeAndLeavesTheLayout() throws IOException, SwitchException {
        add("10.1.2.3", "192.0.2.9");
        add("2001:db8::1", "2001:db8::2");
        running.simulated().runCmds(List.of("enable", "configure", "ip access-list bulk_1",
                "400 deny ip host 10.9.9.9 any", "700 permit ip host 10.8.8.8 any", "901 deny ip host 10.7.7.7 any"));

        Run flush = RunningDaemon.run("flush", "--config", running.config().toString(), "--yes");

        assertEquals(ExitCodes.OK, flush.code(), flush.err());
        assertEquals("removed 5 lines from " + eapi() + NL, flush.out());
        assertEquals(List.of("10 permit tcp any any fin", "20 permit tcp any any syn", "30 permit tcp any any rst",
                "400 deny ip host 10.9.9.9 any", "700 permit ip host 10.8.8.8 any", "100001 permit ip any any"),
                lines("bulk_1", Family.IP));
        assertEquals(List.of("10 permit tcp any any fin", "20 permit tcp any any syn", "30 permit tcp any any rst",
                "100001 permit ipv6 any any"), lines("bulk_2", Family.IPV6));
        assertEquals(java.util.Map.of(Family.IP, "bulk_1", Family.IPV6, "bulk_1"),
                running.simulated().boundAcls("Ethernet1"));

        Run again = RunningDaemon.run("flush", "--config", running.config().toString(), "--yes");
        assertEquals(ExitCodes.OK, again.code(), again.err());
        assertEquals("no shunts on " + eapi() + NL, again.out());
    }
}
