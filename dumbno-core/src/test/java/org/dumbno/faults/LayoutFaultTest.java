package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.Transport;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.PurgeReport;
import org.dumbno.manager.RemovalReason;
import org.dumbno.rule.Family;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The layout drifts under dumbno: a reload that loses the running configuration, a list removed
 * by hand, counters switched off. dumbno says what it found, puts it back with the setup plan (or,
 * with {@code repair_layout = false}, refuses requests and writes nothing), never writes into a
 * list that is not whole, and never takes a vanished list for hand removals.
 */
@Timeout(10)
class LayoutFaultTest {
    private final Rig rig = new Rig();
    private final AtReply atReply = new AtReply(rig.sim, Rig.PORTS);
    private final Removals removals = new Removals();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");

    private ACLManager start(boolean repair) throws Exception {
        ACLManager manager = rig.start(b -> b.repairLayout(repair));
        manager.addListener(removals);
        return manager;
    }

    @Test
    void aReloadLosesTheLayoutAndDumbnoPutsItBackBeforeAnsweringOk() throws Exception {
        ACLManager manager = start(true);
        List<Asked> before = atReply.ask(manager, Asked.ipv4(0, 3));
        rig.scheduler.runDue();
        assertEquals(Collections.nCopies(3, "ok"), Asked.replies(before));

        rig.sim.reload(Duration.ofSeconds(5));
        List<Asked> fresh = atReply.ask(manager, Asked.ipv4(10, 2));
        List<Asked> repeated = atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        assertEquals(Collections.nCopies(3, null), Asked.replies(Stream.concat(fresh.stream(), repeated.stream())
                .toList()), "waiting while the switch reloads");
        rig.scheduler.advance(Duration.ofSeconds(8));

        assertEquals(Collections.nCopies(2, "ok"), Asked.replies(fresh));
        assertEquals(List.of("ok"), Asked.replies(repeated), "the lost shunt written again");
        assertEquals(List.of(), atReply.problems());
        assertEquals(6, atReply.checked());
        assertTrue(rig.sim.defaultResultPermit());
        assertTrue(manager.layout().orElseThrow().ok(), manager.layout().toString());
        assertEquals(3, removals.count(RemovalReason.LAYOUT), "the shunts the reload took");
        assertEquals(0, removals.count(RemovalReason.BY_HAND));
        assertTrue(removals.repairs().contains("created ip access-list bulk_1"), removals.repairs().toString());
        assertTrue(removals.repairs().contains("configured hardware access-list update default-result permit"));
        assertEquals(removals.repairs().size(), log.count(Level.INFO, "op=REPAIR switch=dumbno-sim (simulated)"));
        log.line(Level.INFO, "op=REPAIR", "change=\"bound ip access-group bulk_2 in on Ethernet2\"");
        log.line(Level.WARN, "ip access-list bulk_1 vanished", "with 3 shunts in it", "not hand removals");
        assertEquals(List.of(), rig.recorder.violations());
    }

    @Test
    void withRepairOffALostLayoutRefusesRequestsAndCreatesNoList() throws Exception {
        ACLManager manager = start(false);
        assertEquals(List.of("ok"), Asked.replies(atReply.ask(manager, Asked.ipv4(0, 1)).stream()
                .peek(a -> rig.scheduler.runDue()).toList()));
        rig.sim.reload(Duration.ZERO);
        manager.purge();
        int written = rig.recorder.received().size();

        List<Asked> after = atReply.ask(manager, Stream.concat(Asked.ipv4(10, 1).stream(),
                Asked.ipv4(0, 1).stream()).toList());
        rig.scheduler.runDue();

        String refusal = "error: switch layout incomplete: ip access-list bulk_1 does not exist;"
                + " ip access-list bulk_2 does not exist";
        assertEquals(List.of(refusal, refusal), Asked.replies(after));
        assertEquals(written, rig.recorder.received().size(), "nothing written");
        assertEquals(List.of(), rig.sim.accessLists(Family.IP), "no list created by a write");
        assertEquals(List.of(), removals.repairs());
        log.line(Level.WARN, "ip access-list bulk_1 does not exist", "repair_layout = false");
        assertEquals(1, removals.count(RemovalReason.LAYOUT));
    }

    @Test
    void countersSwitchedOffNeverExpireABusyShunt() throws Exception {
        ACLManager manager = start(false);
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        manager.purge();
        rig.sim.countersPerEntry(false);

        for (int sweep = 0; sweep < 3; sweep++) {
            rig.traffic("Ethernet1", Asked.ipv4Flow(0), 1300);
            PurgeReport report = manager.purge();
            assertEquals(List.of(), report.removed(), "sweep " + sweep);
        }

        assertEquals(1, SwitchAssertions.denies(rig.sim, "bulk_1", Family.IP).size());
        assertEquals(1, log.count(Level.WARN, "expiry paused for 1 shunts in ip access-list bulk_1",
                "does not count per entry"), "said once, not every sweep");
        assertEquals(2, removals.skipped(), "each line counted once");
        assertEquals(0, removals.count(RemovalReason.IDLE));

        rig.sim.countersPerEntry(true);
        assertEquals(List.of(), manager.purge().removed(), "a fresh baseline first");
        log.line(Level.INFO, "expiry resumed in ip access-list bulk_1");
        assertEquals(2, manager.purge().removed().size(), "then idle lines go as before");
    }

    @Test
    void countersOffShownOnlyByTheSummaryNeverExpireABusyShunt() throws Exception {
        Transport unflagged = new Transport() {
            @Override
            public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
                List<JsonObject> results = rig.recorder.runCmds(commands, format);
                for (int i = 0; i < commands.size(); i++) {
                    if (commands.get(i).startsWith("show ") && !commands.get(i).endsWith("summary")) {
                        JsonElement lists = results.get(i).get("aclList");
                        if (lists != null && lists.isJsonArray()) {
                            lists.getAsJsonArray().forEach(list -> list.getAsJsonObject().remove("countersEnabled"));
                        }
                    }
                }
                return results;
            }

            @Override
            public String describe() {
                return rig.recorder.describe();
            }

            @Override
            public void close() {
            }
        };
        ACLManager manager = rig.manager(unflagged, b -> b.repairLayout(false));
        manager.start();
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        manager.purge();
        rig.sim.countersPerEntry(false);

        for (int sweep = 0; sweep < 3; sweep++) {
            rig.traffic("Ethernet1", Asked.ipv4Flow(0), 1300);
            assertEquals(List.of(), manager.purge().removed(), "sweep " + sweep);
        }
        assertEquals(1, SwitchAssertions.denies(rig.sim, "bulk_1", Family.IP).size());
        log.line(Level.WARN, "ip access-list bulk_1 does not count per entry");
    }

    @Test
    void countersSwitchedOffAreTurnedBackOnByTheSweepThatFindsThem() throws Exception {
        ACLManager manager = start(true);
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        manager.purge();
        rig.sim.countersPerEntry(false);

        rig.traffic("Ethernet1", Asked.ipv4Flow(0), 1300);
        assertEquals(List.of(), manager.purge().removed());
        rig.traffic("Ethernet1", Asked.ipv4Flow(0), 1300);
        assertEquals(List.of(), manager.purge().removed());

        assertTrue(rig.sim.countsPerEntry("bulk_1", Family.IP));
        assertTrue(removals.repairs().contains("enabled counters per-entry in ip access-list bulk_1"),
                removals.repairs().toString());
        log.line(Level.INFO, "op=REPAIR", "enabled counters per-entry in ipv6 access-list bulk_2");
        assertEquals(1, SwitchAssertions.denies(rig.sim, "bulk_1", Family.IP).size());
    }

    @Test
    void aRepairTheSwitchRefusesIsNotRetriedEverySweepAndRequestsAreRefused() throws Exception {
        ACLManager manager = start(true);
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.sim.countersPerEntry(false);
        rig.sim.failCommands(command -> command.equals("counters per-entry"), 100);

        manager.purge();
        long calls = rig.sim.calls();
        manager.purge();
        List<Asked> asked = atReply.ask(manager, Asked.ipv4(0, 2));
        rig.scheduler.runDue();

        log.line(Level.ERROR, "repairing the layout failed");
        log.line(Level.ERROR, "still incomplete after repair", "ip access-list bulk_1 does not count per entry");
        assertEquals(calls + 1, rig.sim.calls(), "the next sweep reads and tries no repair again");
        assertTrue(Asked.replies(asked).stream().allMatch(r -> r.startsWith(
                "error: switch layout incomplete: ip access-list bulk_1 does not count per entry")),
                Asked.replies(asked).toString());
        assertEquals(List.of(), atReply.problems());
    }

    @Test
    void staleCountersNeverExpireABusyShunt() throws Exception {
        ACLManager manager = start(true);
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        manager.purge();
        rig.sim.staleCounters(true);

        for (int sweep = 0; sweep < 3; sweep++) {
            rig.traffic("Ethernet1", Asked.ipv4Flow(0), 1300);
            rig.traffic("Ethernet2", Asked.ipv4Flow(0), 1300);
            assertEquals(List.of(), manager.purge().removed(), "sweep " + sweep);
        }
        assertEquals(1, log.count(Level.WARN, "expiry paused for 1 shunts in ip access-list bulk_2",
                "has stale counters"));
        assertEquals(List.of(), removals.repairs(), "nothing to repair: the counts catch up by themselves");

        rig.sim.staleCounters(false);
        assertEquals(List.of(), manager.purge().removed());
        rig.traffic("Ethernet1", Asked.ipv4Flow(0), 10);
        rig.traffic("Ethernet2", Asked.ipv4Flow(0), 10);
        assertEquals(List.of(), manager.purge().removed(), "moving again");
        assertEquals(2, manager.purge().removed().size(), "idle now");
    }

    @Test
    void aListRemovedByHandIsALayoutEventNotHandRemovals() throws Exception {
        ACLManager manager = start(true);
        atReply.ask(manager, Asked.ipv4(0, 3));
        rig.scheduler.runDue();
        manager.purge();
        rig.sim.runCmds(List.of("enable", "configure", "no ip access-list bulk_1"));

        manager.purge();

        assertEquals(0, removals.count(RemovalReason.BY_HAND));
        log.line(Level.WARN, "ip access-list bulk_1 vanished", "with 3 shunts in it");
        assertTrue(removals.repairs().contains("created ip access-list bulk_1"));
        assertTrue(rig.sim.countsPerEntry("bulk_1", Family.IP));

        List<Asked> repeated = atReply.ask(manager, Asked.ipv4(0, 3));
        rig.scheduler.runDue();
        assertEquals(Collections.nCopies(3, "ok"), Asked.replies(repeated));
        assertEquals(List.of(), atReply.problems());
        assertEquals(6, atReply.checked());
        assertEquals(3, SwitchAssertions.denies(rig.sim, "bulk_1", Family.IP).size());
    }

    @Test
    void aWriteIntoAListGoneSinceTheLastReadIsPutRightBeforeOk() throws Exception {
        ACLManager manager = start(true);
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.recorder.runCmds(List.of("enable", "configure", "no ip access-list bulk_1",
                "interface Ethernet1", "no ip access-group bulk_1 in"));

        List<Asked> fresh = atReply.ask(manager, Asked.ipv4(1, 1));
        rig.scheduler.runDue();

        assertEquals(List.of("ok"), Asked.replies(fresh));
        assertEquals(List.of(), atReply.problems());
        log.line(Level.WARN, "a write found", "ip access-list bulk_1 is not bound in on Ethernet1");
        assertEquals(0, log.count(Level.WARN, "does not count per entry"), "created whole by the write");
        assertTrue(removals.repairs().contains("bound ip access-group bulk_1 in on Ethernet1"),
                removals.repairs().toString());
    }

    @Test
    void aWriteIntoABoundListDeletedByHandCreatesItWhole() throws Exception {
        Intercepting watch = new Intercepting(rig.recorder);
        ACLManager manager = rig.manager(watch, b -> b);
        manager.addListener(removals);
        manager.start();
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.recorder.runCmds(List.of("enable", "configure", "no ip access-list bulk_1"));
        List<String> notWhole = new CopyOnWriteArrayList<>();
        watch.check(commands -> notWhole.addAll(notWhole("bulk_1")));

        List<Asked> fresh = atReply.ask(manager, Asked.ipv4(1, 1));
        rig.scheduler.runDue();
        notWhole.addAll(notWhole("bulk_1"));

        assertEquals(List.of("ok"), Asked.replies(fresh));
        assertEquals(List.of(), atReply.problems());
        assertEquals(List.of(), notWhole, "the list as each call after the write found it");
        assertEquals("bulk_1", rig.sim.boundAcls("Ethernet1").get(Family.IP), "the binding left in place");
        assertEquals(List.of(), removals.repairs(), "whole and bound without a repair");
        assertEquals(1, SwitchAssertions.denies(rig.sim, "bulk_1", Family.IP).size());
    }

    /** What {@code ip access-list NAME} lacks on the simulator, if it exists. */
    private List<String> notWhole(String name) {
        if (!rig.sim.accessLists(Family.IP).contains(name)) {
            return List.of();
        }
        List<String> lacks = new ArrayList<>();
        if (!rig.sim.countsPerEntry(name, Family.IP)) {
            lacks.add(name + " without counters per-entry");
        }
        List<SimulatedEntry> entries = rig.sim.entries(name, Family.IP);
        for (long permit : new long[] {10, 20, 30, 100001}) {
            if (entries.stream().noneMatch(e -> e.sequence() == permit && e.action() == SimulatedEntry.Action.PERMIT)) {
                lacks.add(name + " without permit " + permit);
            }
        }
        return lacks;
    }

    @Test
    void withRepairOffAWriteIntoAListGoneSinceTheLastReadIsRefused() throws Exception {
        ACLManager manager = start(false);
        atReply.ask(manager, Asked.ipv4(0, 1));
        rig.scheduler.runDue();
        rig.recorder.runCmds(List.of("enable", "configure", "no ip access-list bulk_1",
                "interface Ethernet1", "no ip access-group bulk_1 in"));

        List<Asked> fresh = atReply.ask(manager, Asked.ipv4(1, 1));
        rig.scheduler.runDue();

        assertEquals(List.of("error: switch layout incomplete: ip access-list bulk_1 is not bound in on Ethernet1"),
                Asked.replies(fresh));
        List<Asked> next = atReply.ask(manager, Asked.ipv4(2, 1));
        rig.scheduler.runDue();
        assertTrue(Asked.replies(next).get(0).startsWith("error: switch layout incomplete: ip access-list bulk_1"),
                Asked.replies(next).toString());
        assertEquals(List.of(), atReply.problems());
    }

    @Test
    void aReadMissingAListTheSwitchStillListsChangesNothing() throws Exception {
        EmptyingTransport emptying = new EmptyingTransport(rig.recorder);
        ACLManager manager = rig.manager(emptying, b -> b);
        manager.addListener(removals);
        manager.start();
        atReply.ask(manager, Asked.ipv4(0, 3));
        rig.scheduler.runDue();
        manager.purge();
        var before = manager.active();
        rig.clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            rig.traffic("Ethernet2", Asked.ipv4Flow(i), 5);
        }

        emptying.emptyNext("show ip access-lists bulk_1");
        PurgeReport report = manager.purge();

        assertEquals(List.of(), report.removed());
        assertEquals(0, removals.count(RemovalReason.BY_HAND));
        assertEquals(before.stream().map(s -> s.addedAt()).toList(),
                manager.active().stream().map(s -> s.addedAt()).toList(), "ages not restarted");
        assertEquals(3, manager.active().size());
        assertEquals(List.of(), removals.repairs());
        log.line(Level.WARN, "ip access-list bulk_1 was missing from a read although the switch lists it");
        assertFalse(manager.layout().orElseThrow().ok());
        manager.purge();
        assertTrue(manager.layout().orElseThrow().ok());
    }
}
