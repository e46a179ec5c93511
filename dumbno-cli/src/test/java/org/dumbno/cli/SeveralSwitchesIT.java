package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.dumbno.cli.RunningDaemon.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * setup, list, stats, status and flush over a configuration naming two switches, {@code main} and
 * {@code edge2}, each a simulated switch served as eAPI; and with {@code edge2} out of reach.
 */
@Timeout(60)
class SeveralSwitchesIT {
    private static final String NL = System.lineSeparator();

    @TempDir
    java.nio.file.Path dir;

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** {@code dumbno add} or {@code remove} of one flow with {@code --config}: no server. */
    private static Run flowStraightOnTheSwitches(String op, TwoSwitches two) {
        return RunningDaemon.run(op, "--config", two.config().toString(), "--src", "10.4.4.4", "--dst", "192.0.2.4",
                "--proto", "tcp", "--dport", "8443");
    }

    /** A shunt at 501 on edge2 only, so that the two switches number the next one apart. */
    private static void shuntOnEdge2Alone(TwoSwitches two) throws Exception {
        TwoSwitches.configure(two.edge2, "ip access-list bulk_1", "501 deny ip host 10.9.9.9 any",
                "ip access-list bulk_2", "501 deny ip host 10.9.9.9 any");
    }

    @Test
    void setupReportsEachSwitchAndASecondRunChangesNothing() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "")) {
            Run first = RunningDaemon.run("setup", two.config().toString());

            assertEquals(ExitCodes.OK, first.code(), first.err());
            List<String> out = lines(first.out());
            assertTrue(out.contains("main: created ip access-list bulk_1"), first.out());
            assertTrue(out.contains("edge2: created ip access-list bulk_1"), first.out());
            assertTrue(out.contains("edge2: bound ipv6 access-group bulk_2 in on Ethernet3"), first.out());
            assertEquals(out.size() / 2, out.stream().filter(line -> line.startsWith("main: ")).count(), first.out());
            assertEquals(out.size() / 2, out.stream().filter(line -> line.startsWith("edge2: ")).count(), first.out());
            assertTrue(two.edge2.countsPerEntry("bulk_2", org.dumbno.rule.Family.IPV6));

            Run second = RunningDaemon.run("setup", two.config().toString());
            assertEquals(ExitCodes.OK, second.code(), second.err());
            assertEquals(List.of("main: nothing to change", "edge2: nothing to change"), lines(second.out()));
        }
    }

    @Test
    void setupSetsUpTheSwitchThatAnswersAndNamesTheOneThatDoesNot() throws Exception {
        try (TwoSwitches two = TwoSwitches.withEdge2Unreachable(dir)) {
            Run setup = RunningDaemon.run("setup", two.config().toString());

            assertEquals(ExitCodes.UNREACHABLE, setup.code(), setup.out() + setup.err());
            assertTrue(lines(setup.out()).contains("main: created ip access-list bulk_1"), setup.out());
            assertTrue(lines(setup.out()).stream().allMatch(line -> line.startsWith("main: ")), setup.out());
            assertEquals(1, setup.err().lines().count(), setup.err());
            assertTrue(setup.err().startsWith("dumbno: edge2: "), setup.err());
            assertTrue(two.main.countsPerEntry("bulk_1", org.dumbno.rule.Family.IP));
        }
    }

    @Test
    void listHasASwitchColumnAndJsonASwitchField() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "").setUp()) {
            TwoSwitches.configure(two.main, "ip access-list bulk_1", "501 deny ip host 10.0.0.1 any");
            TwoSwitches.configure(two.edge2, "ip access-list bulk_2", "501 deny ip host 10.0.0.1 any",
                    "503 deny ip host 10.0.0.2 any");

            Run list = RunningDaemon.run("list", two.config().toString());

            assertEquals(ExitCodes.OK, list.code(), list.err());
            assertEquals(List.of(
                    "SWITCH  ACL     FAMILY  SEQ  RULE                  MATCHES  IDLE FOR  PKTS/S",
                    "main    bulk_1  ip      501  ip host 10.0.0.1 any  0        -         -",
                    "edge2   bulk_2  ip      501  ip host 10.0.0.1 any  0        -         -",
                    "edge2   bulk_2  ip      503  ip host 10.0.0.2 any  0        -         -"), lines(list.out()));

            Run json = RunningDaemon.run("list", two.config().toString(), "--json");
            assertEquals(ExitCodes.OK, json.code(), json.err());
            JsonArray rows = JsonParser.parseString(json.out()).getAsJsonArray();
            assertEquals(3, rows.size());
            JsonObject first = rows.get(0).getAsJsonObject();
            assertEquals(List.of("switch", "acl", "family", "seq", "rule", "matches", "idle_for", "packets_per_second"),
                    List.copyOf(first.keySet()));
            assertEquals("main", first.get("switch").getAsString());
            assertEquals("edge2", rows.get(2).getAsJsonObject().get("switch").getAsString());
            assertEquals(503, rows.get(2).getAsJsonObject().get("seq").getAsLong());
        }
    }

    @Test
    void listShowsTheSwitchThatAnswersAndNamesTheOneThatDoesNot() throws Exception {
        try (TwoSwitches two = TwoSwitches.withEdge2Unreachable(dir)) {
            two.main.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "501 deny ip host 10.0.0.1 any"));

            Run list = RunningDaemon.run("list", two.config().toString());

            assertEquals(ExitCodes.UNREACHABLE, list.code(), list.out() + list.err());
            assertEquals(List.of("SWITCH  ACL     FAMILY  SEQ  RULE                  MATCHES  IDLE FOR  PKTS/S",
                    "main    bulk_1  ip      501  ip host 10.0.0.1 any  0        -         -"), lines(list.out()));
            assertTrue(list.err().startsWith("dumbno: edge2: "), list.err());
        }
    }

    @Test
    void statsPrintsTheLinesOfEachSwitch() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "")) {
            two.main.advanceCounters("Ethernet1", 2_000_000_000L, 0);
            two.main.advanceCounters("Ethernet11", 0, 500_000_000L);
            two.edge2.advanceCounters("Ethernet3", 1_000_000_000L, 0);

            Run stats = RunningDaemon.run("stats", two.config().toString(), "--interval", "0.01", "--count", "2");

            assertEquals(ExitCodes.OK, stats.code(), stats.err());
            List<String> out = lines(stats.out());
            assertEquals(List.of("main: total gigs: in=2.0 out=0.5 filtered=1.5",
                    "edge2: total gigs: in=1.0 out=0.0 filtered=1.0"), out.subList(0, 2));
            assertEquals(6, out.size(), stats.out());
            for (int i = 2; i < 6; i++) {
                String name = i % 2 == 0 ? "main" : "edge2";
                assertTrue(out.get(i).matches(name + ": mbps: in=\\d+\\.\\d out=\\d+\\.\\d filtered=\\d+\\.\\d"),
                        out.get(i));
            }
        }
    }

    @Test
    void statsGoesOnWithTheSwitchThatAnswers() throws Exception {
        try (TwoSwitches two = TwoSwitches.withEdge2Unreachable(dir)) {
            two.main.advanceCounters("Ethernet1", 3_000_000_000L, 0);

            Run stats = RunningDaemon.run("stats", two.config().toString(), "--interval", "0.01", "--count", "2");

            assertEquals(ExitCodes.OK, stats.code(), stats.err());
            List<String> out = lines(stats.out());
            assertEquals(3, out.size(), stats.out());
            assertEquals("main: total gigs: in=3.0 out=0.0 filtered=3.0", out.get(0));
            assertTrue(out.subList(1, 3).stream().allMatch(line -> line.startsWith("main: mbps: ")), stats.out());
        }
    }

    @Test
    void statusNamesEachSwitchOnEachLineAndSumsUp() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "max_rules = 10").setUp()) {
            Run status = RunningDaemon.run("status", two.config().toString());

            assertEquals(ExitCodes.OK, status.code(), status.out() + status.err());
            List<String> out = lines(status.out());
            assertEquals(17, out.size(), status.out());
            assertEquals(List.of("ok main reachable", "ok main credentials"), out.subList(0, 2).stream()
                    .map(line -> String.join(" ", List.of(line.split("\\s+")).subList(0, 3))).toList());
            assertTrue(out.subList(0, 8).stream().allMatch(line -> line.startsWith("ok   main   ")), status.out());
            assertTrue(out.subList(8, 16).stream().allMatch(line -> line.startsWith("ok   edge2  ")), status.out());
            assertTrue(out.contains("ok   edge2  capacity        0 of 10 shunts (max_rules)"), status.out());
            assertEquals("switches: main ok, edge2 ok", out.get(16));
        }
    }

    @Test
    void statusFailsWhenOneSwitchFailsAndSaysWhich() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "").setUp()) {
            TwoSwitches.configure(two.edge2, "ip access-list bulk_2", "no counters per-entry");

            Run status = RunningDaemon.run("status", two.config().toString());

            assertEquals(ExitCodes.FAILED, status.code(), status.out() + status.err());
            List<String> out = lines(status.out());
            assertTrue(out.subList(0, 8).stream().allMatch(line -> line.startsWith("ok   main   ")), status.out());
            assertTrue(out.stream().anyMatch(line -> line.startsWith("FAIL edge2  counters ")), status.out());
            assertEquals("switches: main ok, edge2 FAIL (counters)", out.get(out.size() - 1));
        }
    }

    @Test
    void statusExitsUnreachableWhenOneSwitchIsAndChecksTheOther() throws Exception {
        try (TwoSwitches two = TwoSwitches.withEdge2Unreachable(dir)) {
            two.setUpMain();

            Run status = RunningDaemon.run("status", two.config().toString());

            assertEquals(ExitCodes.UNREACHABLE, status.code(), status.out() + status.err());
            List<String> out = lines(status.out());
            assertTrue(out.subList(0, 8).stream().allMatch(line -> line.startsWith("ok   main   ")), status.out());
            assertTrue(out.get(8).startsWith("FAIL edge2  reachable "), status.out());
            assertTrue(out.subList(9, 16).stream().allMatch(line -> line.startsWith("skip edge2  ")), status.out());
            assertEquals("switches: main ok, edge2 FAIL (reachable)", out.get(16));
        }
    }

    @Test
    void flushWithoutYesListsWhatEachSwitchWouldLose() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "").setUp()) {
            TwoSwitches.configure(two.main, "ip access-list bulk_1", "501 deny ip host 10.0.0.1 any");

            Run flush = RunningDaemon.run("flush", "--config", two.config().toString());

            assertEquals(ExitCodes.FAILED, flush.code(), flush.err());
            List<String> out = lines(flush.out());
            assertEquals(List.of("SWITCH  ACL     FAMILY  SEQ  RULE                  MATCHES  IDLE FOR",
                    "main    bulk_1  ip      501  ip host 10.0.0.1 any  0        -"), out.subList(0, 2));
            assertEquals(5, out.size(), flush.out());
            assertTrue(out.get(2).matches("main: 1 lines would be removed from http://127\\.0\\.0\\.1:\\d+"), out.get(2));
            assertTrue(out.get(3).matches("edge2: no shunts on http://127\\.0\\.0\\.1:\\d+"), out.get(3));
            assertEquals("run again with --yes to remove them", out.get(4));
            assertEquals(List.of("501 deny ip host 10.0.0.1 any"), TwoSwitches.denies(two.main, "bulk_1"));
        }
    }

    @Test
    void flushRemovesTheShuntsOfEverySwitchAndReportsEach() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "").setUp()) {
            TwoSwitches.configure(two.main, "ip access-list bulk_1", "501 deny ip host 10.0.0.1 any");
            TwoSwitches.configure(two.edge2, "ip access-list bulk_1", "501 deny ip host 10.0.0.1 any",
                    "ip access-list bulk_2", "501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.2 any");

            Run flush = RunningDaemon.run("flush", "--config", two.config().toString(), "--yes");

            assertEquals(ExitCodes.OK, flush.code(), flush.err());
            List<String> out = lines(flush.out());
            assertEquals(2, out.size(), flush.out());
            assertTrue(out.get(0).matches("main: removed 1 lines from http://127\\.0\\.0\\.1:\\d+"), out.get(0));
            assertTrue(out.get(1).matches("edge2: removed 3 lines from http://127\\.0\\.0\\.1:\\d+"), out.get(1));
            for (String acl : List.of("bulk_1", "bulk_2")) {
                assertEquals(List.of(), TwoSwitches.denies(two.main, acl));
                assertEquals(List.of(), TwoSwitches.denies(two.edge2, acl));
            }
        }
    }

    @Test
    void flushEmptiesTheSwitchThatAnswersAndNamesTheOneThatDoesNot() throws Exception {
        try (TwoSwitches two = TwoSwitches.withEdge2Unreachable(dir)) {
            two.setUpMain();
            TwoSwitches.configure(two.main, "ip access-list bulk_1", "501 deny ip host 10.0.0.1 any");

            Run flush = RunningDaemon.run("flush", "--config", two.config().toString(), "--yes");

            assertEquals(ExitCodes.UNREACHABLE, flush.code(), flush.out() + flush.err());
            assertTrue(flush.out().matches("main: removed 1 lines from http://127\\.0\\.0\\.1:\\d+" + NL), flush.out());
            assertTrue(flush.err().startsWith("dumbno: edge2: "), flush.err());
            assertEquals(List.of(), TwoSwitches.denies(two.main, "bulk_1"));
        }
    }

    @Test
    void addWithConfigPlacesTheShuntOnEverySwitchAndRemoveTakesItOffEvery() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "").setUp()) {
            shuntOnEdge2Alone(two);

            Run add = flowStraightOnTheSwitches("add", two);

            assertEquals(ExitCodes.OK, add.code(), add.err());
            assertEquals("ok" + NL, add.out());
            String rule = "deny tcp host 10.4.4.4 host 192.0.2.4 eq 8443";
            for (String acl : List.of("bulk_1", "bulk_2")) {
                assertEquals(List.of("501 " + rule), TwoSwitches.denies(two.main, acl));
                assertEquals(List.of("501 deny ip host 10.9.9.9 any", "503 " + rule), TwoSwitches.denies(two.edge2, acl));
            }

            Run remove = flowStraightOnTheSwitches("remove", two);

            assertEquals(ExitCodes.OK, remove.code(), remove.err());
            assertEquals("ok" + NL, remove.out());
            for (String acl : List.of("bulk_1", "bulk_2")) {
                assertEquals(List.of(), TwoSwitches.denies(two.main, acl));
                assertEquals(List.of("501 deny ip host 10.9.9.9 any"), TwoSwitches.denies(two.edge2, acl));
            }
        }
    }

    @Test
    void addWithConfigPlacesTheShuntWhereItCanAndNamesTheSwitchOutOfReach() throws Exception {
        try (TwoSwitches two = TwoSwitches.withEdge2Unreachable(dir)) {
            two.setUpMain();

            Run add = flowStraightOnTheSwitches("add", two);

            assertEquals(ExitCodes.UNREACHABLE, add.code(), add.out() + add.err());
            assertTrue(add.out().startsWith("error: edge2: http://127.0.0.1:"), add.out());
            assertEquals(1, add.out().lines().count(), add.out());
            assertEquals(List.of("501 deny tcp host 10.4.4.4 host 192.0.2.4 eq 8443"),
                    TwoSwitches.denies(two.main, "bulk_1"));
        }
    }

    @Test
    void removeWithConfigTakesTheShuntOffTheSwitchThatAnswersAndNamesTheOneThatDoesNot() throws Exception {
        try (TwoSwitches two = TwoSwitches.withEdge2Unreachable(dir)) {
            two.setUpMain();
            TwoSwitches.configure(two.main, "ip access-list bulk_1", "501 deny tcp host 10.4.4.4 host 192.0.2.4 eq 8443",
                    "ip access-list bulk_2", "501 deny tcp host 10.4.4.4 host 192.0.2.4 eq 8443");

            Run remove = flowStraightOnTheSwitches("remove", two);

            assertEquals(ExitCodes.UNREACHABLE, remove.code(), remove.out() + remove.err());
            assertTrue(remove.out().startsWith("error: edge2: http://127.0.0.1:"), remove.out());
            assertEquals(List.of(), TwoSwitches.denies(two.main, "bulk_1"));
            assertEquals(List.of(), TwoSwitches.denies(two.main, "bulk_2"));
        }
    }

    @Test
    void addWithConfigNamesTheSwitchThatRefusesTheShunt() throws Exception {
        try (TwoSwitches two = TwoSwitches.start(dir, "max_rules = 1").setUp()) {
            shuntOnEdge2Alone(two);

            Run add = flowStraightOnTheSwitches("add", two);

            assertEquals(ExitCodes.FAILED, add.code(), add.out() + add.err());
            assertEquals("error: edge2: at capacity (1 active shunts)" + NL, add.out());
            assertEquals(List.of("501 deny tcp host 10.4.4.4 host 192.0.2.4 eq 8443"),
                    TwoSwitches.denies(two.main, "bulk_2"));
        }
    }
}
