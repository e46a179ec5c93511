package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where new rules go, and what a request for a rule already there does. */
@Timeout(10)
class PlacementTest {
    private final Harness h = new Harness();

    @Test
    void aRuleGoesIntoEveryListOfItsFamily() throws Exception {
        h.start();

        ShuntOutcome outcome = h.shunt("192.168.1.1", "192.168.1.2");

        assertEquals(ShuntOutcome.installed(Rule.parse("ip host 192.168.1.1 host 192.168.1.2"), 501), outcome);
        assertEquals(List.of("501 deny ip host 192.168.1.1 host 192.168.1.2"), h.denies("bulk_1", Family.IP));
        assertEquals(List.of("501 deny ip host 192.168.1.1 host 192.168.1.2"), h.denies("bulk_2", Family.IP));
        assertEquals(List.of(), h.denies("bulk_1", Family.IPV6));
    }

    @Test
    void anIpv6RuleGoesIntoTheIpv6Lists() throws Exception {
        h.start();

        assertEquals("ok", WireReply.of(h.shunt("2001:db8::1", "2001:db8::2")));

        assertEquals(List.of("501 deny ipv6 host 2001:db8::1 host 2001:db8::2"), h.denies("bulk_1", Family.IPV6));
        assertEquals(List.of("501 deny ipv6 host 2001:db8::1 host 2001:db8::2"), h.denies("bulk_2", Family.IPV6));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }

    @Test
    void numbersAreOddAndHandedOutInTurn() throws Exception {
        h.start();

        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);
        h.shunt("10.0.0.3", null);

        assertEquals(List.of("501 deny ip host 10.0.0.1 any", "503 deny ip host 10.0.0.2 any",
                "505 deny ip host 10.0.0.3 any"), h.denies("bulk_2", Family.IP));
    }

    @Test
    void aRequestForAWellKnownPortMatchesTheSwitchsName() throws Exception {
        h.start();
        h.shunt(Request.of("10.0.0.1", "10.0.0.2", "tcp", 51234, 443));
        long calls = h.sim.calls();

        ShuntOutcome again = h.shunt(Request.of("10.0.0.1", "10.0.0.2", "tcp", 51234, 443));

        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, again.status());
        assertEquals(501, again.sequence());
        assertEquals(calls + 1, h.sim.calls(), "one read confirming the repeat, nothing written");
        assertEquals(List.of("501 deny tcp host 10.0.0.1 eq 51234 host 10.0.0.2 eq https"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void aRuleAlreadyOnTheSwitchAtStartIsNotWrittenAgain() throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "701 deny tcp any any eq www",
                "ip access-list bulk_2", "701 deny tcp any any eq 80"));
        h.start();

        ShuntOutcome outcome = h.shunt(Request.of(null, null, "tcp", null, 80));

        assertEquals(ShuntOutcome.alreadyPresent(Rule.parse("tcp any any eq 80"), 701), outcome);
        assertEquals(List.of("701 deny tcp any any eq www"), h.denies("bulk_2", Family.IP));
    }

    @Test
    void aLineRemovedByHandIsPutBackInThatListOnly() throws Exception {
        h.start();
        h.shunt("10.0.0.1", "10.0.0.2");
        h.removeByHand("bulk_2", Family.IP, 501);
        h.manager.purge();
        long before = h.sim.commandsRun();

        ShuntOutcome outcome = h.shunt("10.0.0.1", "10.0.0.2");

        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, outcome.status());
        assertEquals(List.of("501 deny ip host 10.0.0.1 host 10.0.0.2"), h.denies("bulk_2", Family.IP));
        assertEquals(List.of("501 deny ip host 10.0.0.1 host 10.0.0.2"), h.denies("bulk_1", Family.IP));
        assertEquals(before + 16, h.sim.commandsRun(),
                "enable, configure, one mode, its layout (nine), one line, exit, the two summaries");
    }

    @Test
    void twoEqualRequestsInOneBatchWriteOnce() throws Exception {
        h.start();

        CompletableFuture<ShuntOutcome> first = h.manager.add(Request.of("10.0.0.1", null, null, null, null));
        CompletableFuture<ShuntOutcome> second = h.manager.add(Request.of("10.0.0.1", null, null, null, null));
        h.scheduler.runDue();

        assertEquals(ShuntOutcome.Status.INSTALLED, first.getNow(null).status());
        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, second.getNow(null).status());
        assertEquals(List.of("501 deny ip host 10.0.0.1 any"), h.denies("bulk_1", Family.IP));
    }

    @Test
    void twoTupleHostsGetHostPairRules() throws Exception {
        h.start(b -> b.twoTupleHosts(Set.of(new IPAddressString("10.0.0.50").getAddress())));

        h.shunt(Request.of("10.0.0.50", "10.0.0.2", "tcp", 1234, 22));

        assertEquals(List.of("501 deny ip host 10.0.0.50 host 10.0.0.2"), h.denies("bulk_1", Family.IP));
    }

    @Test
    void theFilterRefusesBeforeAnythingIsWritten() throws Exception {
        h.start(b -> b.requestFilter(r -> r.dst() != null ? Optional.of("dst is never shunted") : Optional.empty()));
        long calls = h.sim.calls();

        ShuntOutcome outcome = h.shunt("10.0.0.1", "10.0.0.2");

        assertEquals("error: dst is never shunted", WireReply.of(outcome));
        assertEquals(calls, h.sim.calls());
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }

    @Test
    void atCapacityNewRulesAreRefusedButDuplicatesStillAnswerOk() throws Exception {
        h.start(b -> b.maxRules(2));
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);

        ShuntOutcome third = h.shunt("10.0.0.3", null);
        ShuntOutcome duplicate = h.shunt("10.0.0.1", null);

        assertEquals("error: at capacity (2 active shunts)", WireReply.of(third));
        assertEquals("ok", WireReply.of(duplicate));
        assertEquals(2, h.denies("bulk_1", Family.IP).size());
    }

    @Test
    void capacityCountsRulesStillQueued() throws Exception {
        h.start(b -> b.maxRules(1));

        CompletableFuture<ShuntOutcome> first = h.manager.add(Request.of("10.0.0.1", null, null, null, null));
        CompletableFuture<ShuntOutcome> second = h.manager.add(Request.of("10.0.0.2", null, null, null, null));
        h.scheduler.runDue();

        assertEquals("ok", WireReply.of(first.getNow(null)));
        assertEquals("error: at capacity (1 active shunts)", WireReply.of(second.getNow(null)));
        assertEquals(1, h.denies("bulk_1", Family.IP).size());
    }

    @Test
    void aFullSequenceRangeRefusesWithTheRange() throws Exception {
        h.start(b -> b.sequenceRange(500, 504));
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);

        ShuntOutcome third = h.shunt("10.0.0.3", null);

        assertEquals("error: no free sequence number in (500, 504)", WireReply.of(third));
    }

    @Test
    void activeListsEachShuntWithItsCounts() throws Exception {
        h.start();
        h.shunt("10.0.0.1", "10.0.0.2");
        h.traffic("Ethernet1", "10.0.0.1", "10.0.0.2", 7);
        h.manager.purge();

        List<ActiveShunt> active = h.manager.active();

        assertEquals(1, active.size());
        ActiveShunt shunt = active.get(0);
        assertEquals(501, shunt.sequence());
        assertEquals(Rule.parse("ip host 10.0.0.1 host 10.0.0.2"), shunt.rule());
        assertEquals(7, shunt.totalPackets());
        assertEquals(2, shunt.packetCounts().size());
        assertEquals(h.clock.instant(), shunt.addedAt());
    }

    @Test
    void listenersHearAddsDuplicatesAndRefusals() throws Exception {
        h.start(b -> b.maxRules(1));
        List<String> heard = new ArrayList<>();
        h.manager.addListener(new ShuntListener() {
            @Override
            public void installed(Rule rule, long sequence) {
                heard.add("added " + sequence);
            }

            @Override
            public void alreadyPresent(Rule rule, long sequence) {
                heard.add("present " + sequence);
            }

            @Override
            public void refused(Request request, String reason) {
                heard.add("failed " + reason);
            }
        });

        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.1", null);
        h.shunt("10.0.0.2", null);

        assertEquals(List.of("added 501", "present 501", "failed at capacity (1 active shunts)"), heard);
    }

    @Test
    void aRequestBeforeStartWaitsForIt() throws Exception {
        h.manager = h.newManager(b -> b);
        CompletableFuture<ShuntOutcome> early = h.manager.add(Request.of("10.0.0.1", null, null, null, null));
        h.scheduler.runDue();
        assertNull(early.getNow(null));

        h.manager.start();
        h.scheduler.runDue();

        assertTrue(early.getNow(null).ok());
    }
}
