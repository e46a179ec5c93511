package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.ZeekPeer;
import org.dumbno.testing.ZeekPeer.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The NetControl path against a Zeek peer: the Broker plugin's rules in, its reply events out,
 * each echoing the Rule exactly as sent.
 */
@Timeout(60)
class NetControlRulesIT {
    private static final String REPLY_TOPIC = "zeek/dumbno/netcontrol/reply";
    private ZeekRig rig;

    @BeforeEach
    void setUp() throws Exception {
        rig = new ZeekRig(b -> b.maxRules(3));
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    static JsonObject rule(String ty, String target, JsonObject entity, JsonObject expire, String id) {
        return ZeekPeer.rule(ty, target, entity, expire, id);
    }

    static JsonObject drop(JsonObject entity, JsonObject expire, String id) {
        return ZeekPeer.shuntFlowRule(entity, expire, id);
    }

    static JsonObject flow(String srcH, String srcP, String dstH, String dstP) {
        return ZeekPeer.flowEntity(srcH, srcP, dstH, dstP);
    }

    static JsonObject timespan(String text) {
        return ZeekPeer.value("timespan", text);
    }

    private void addRule(long id, JsonObject rule, Metadata metadata) {
        rig.peer.publish("zeek/dumbno/netcontrol", "NetControl::broker_add_rule", metadata, ZeekPeer.count(id), rule);
    }

    /** Checks a reply's name, topic, id and echoed rule; returns its third argument. */
    private JsonObject reply(String name, long id, JsonObject rule) throws InterruptedException {
        ZeekPeer.Published event = rig.next();
        assertEquals(REPLY_TOPIC, event.topic());
        assertEquals(name, event.name());
        assertEquals(3, event.args().size());
        assertEquals(ZeekPeer.count(id), event.arg(0));
        assertEquals(rule, event.arg(1));
        return event.arg(2);
    }

    @Test
    void shuntFlowBecomesAShuntAndIsAnsweredAdded() throws Exception {
        JsonObject rule = drop(flow("10.1.2.3/32", "51234/tcp", "192.0.2.9/32", "443/tcp"), timespan("36000s"), "2");
        addRule(5, rule, Metadata.ZEEK7_NETWORK_TIME);

        JsonObject msg = reply("NetControl::broker_rule_added", 5, rule);
        assertEquals(ZeekPeer.string("tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq 443 (seq 501)"), msg);
        assertEquals(List.of("deny tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq https"), rig.denies("bulk_1"));
        assertEquals(List.of("deny tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq https"), rig.denies("bulk_2"));
    }

    @Test
    void aRuleAlreadyOnTheSwitchIsAnsweredExists() throws Exception {
        JsonObject first = drop(flow(null, null, "192.0.2.9/32", "53/udp"), ZeekPeer.none(), "3");
        JsonObject again = drop(flow(null, null, "192.0.2.9/32", "53/udp"), ZeekPeer.none(), "4");
        addRule(6, first, Metadata.NONE);
        reply("NetControl::broker_rule_added", 6, first);
        addRule(7, again, Metadata.EMPTY);

        reply("NetControl::broker_rule_exists", 7, again);
        assertEquals(List.of("deny udp any host 192.0.2.9 eq 53"), rig.denies("bulk_1"));
    }

    @Test
    void aConnectionOfZeek8WithProtoAndCtxIsShunted() throws Exception {
        JsonObject conn = ZeekPeer.vector(ZeekPeer.value("address", "2001:db8::1"), ZeekPeer.value("port", "40000/udp"),
                ZeekPeer.value("address", "2001:db8::2"), ZeekPeer.value("port", "4789/udp"), ZeekPeer.count(17),
                ZeekPeer.vector());
        JsonObject entity = ZeekPeer.vector(ZeekPeer.value("enum-value", "NetControl::CONNECTION"), conn,
                ZeekPeer.none(), ZeekPeer.none(), ZeekPeer.none());
        JsonObject rule = drop(entity, timespan("600s"), "8");
        addRule(8, rule, Metadata.NONE);

        reply("NetControl::broker_rule_added", 8, rule);
        assertEquals(List.of("deny udp host 2001:db8::1 eq 40000 host 2001:db8::2 eq 4789"),
                rig.sim.entries("bulk_1", org.dumbno.rule.Family.IPV6).stream()
                        .filter(e -> e.action() == org.dumbno.eos.sim.SimulatedEntry.Action.DENY)
                        .map(org.dumbno.eos.sim.SimulatedEntry::text).toList());
    }

    @Test
    void aSingleAddressIsShuntedBothWays() throws Exception {
        JsonObject entity = ZeekPeer.vector(ZeekPeer.value("enum-value", "NetControl::ADDRESS"), ZeekPeer.none(),
                ZeekPeer.none(), ZeekPeer.value("subnet", "198.51.100.7/32"), ZeekPeer.none());
        JsonObject rule = drop(entity, ZeekPeer.none(), "9");
        addRule(9, rule, Metadata.NONE);

        reply("NetControl::broker_rule_added", 9, rule);
        assertEquals(List.of("deny ip host 198.51.100.7 any", "deny ip any host 198.51.100.7"), rig.denies("bulk_1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NetControl::REDIRECT|NetControl::MONITOR|10.1.2.3/32|rule type NetControl::REDIRECT is not supported:"
                + " dumbno only drops flows (NetControl::DROP)",
        "NetControl::DROP|NetControl::FORWARD|10.1.2.3/32|target NetControl::FORWARD is not supported: dumbno"
                + " keeps flows from the monitoring tap only (NetControl::MONITOR)",
        "NetControl::DROP|NetControl::MONITOR|10.1.2.0/24|src_h (10.1.2.0/24) is a network: dumbno shunts single"
                + " hosts (/32) only",
        "NetControl::DROP|NetControl::MONITOR|192.0.2.53/32|src 192.0.2.53 is in never_shunt 192.0.2.53/32",
    })
    void whatDumbnoCannotDoIsAnsweredError(String ty, String target, String src, String message) throws Exception {
        rig.close();
        rig = new ZeekRig(b -> b.requestFilter(r -> r.src() != null && r.src().toString().equals("192.0.2.53")
                ? java.util.Optional.of("src 192.0.2.53 is in never_shunt 192.0.2.53/32") : java.util.Optional.empty()));
        JsonObject rule = rule(ty, target, flow(src, null, "192.0.2.9/32", null), ZeekPeer.none(), "10");
        addRule(10, rule, Metadata.NONE);

        assertEquals(ZeekPeer.string(message), reply("NetControl::broker_rule_error", 10, rule));
        assertEquals(List.of(), rig.denies("bulk_1"));
    }

    @Test
    void aRuleEventWithOtherArgumentsIsAnsweredErrorAndChangesNothing() throws Exception {
        JsonObject rule = drop(flow("10.1.2.3/32", null, "192.0.2.9/32", null), ZeekPeer.none(), "11");
        rig.peer.publish("zeek/dumbno/netcontrol", "NetControl::broker_add_rule", Metadata.NONE, ZeekPeer.count(11),
                rule, ZeekPeer.string("an argument too many"));

        assertEquals(ZeekPeer.string("NetControl::broker_add_rule has 3 arguments, not 2"),
                reply("NetControl::broker_rule_error", 11, rule));
        assertEquals(List.of(), rig.denies("bulk_1"));
    }

    @Test
    void beyondCapacityIsAnsweredError() throws Exception {
        for (int i = 1; i <= 4; i++) {
            JsonObject rule = drop(flow("10.9.0." + i + "/32", null, null, null), ZeekPeer.none(), "1" + i);
            addRule(20 + i, rule, Metadata.NONE);
            JsonObject msg = reply(i <= 3 ? "NetControl::broker_rule_added" : "NetControl::broker_rule_error",
                    20 + i, rule);
            if (i == 4) {
                assertEquals(ZeekPeer.string("at capacity (3 active shunts)"), msg);
            }
        }
        assertEquals(3, rig.denies("bulk_1").size());
    }

    @Test
    void anAddressOnlyHalfOfWhichFitsIsTakenBackAndAnsweredError() throws Exception {
        for (int i = 1; i <= 2; i++) {
            JsonObject rule = drop(flow("10.9.0." + i + "/32", null, null, null), ZeekPeer.none(), "4" + i);
            addRule(40 + i, rule, Metadata.NONE);
            reply("NetControl::broker_rule_added", 40 + i, rule);
        }
        JsonObject entity = ZeekPeer.vector(ZeekPeer.value("enum-value", "NetControl::ADDRESS"), ZeekPeer.none(),
                ZeekPeer.none(), ZeekPeer.value("subnet", "198.51.100.7/32"), ZeekPeer.none());
        JsonObject rule = drop(entity, ZeekPeer.none(), "43");
        addRule(43, rule, Metadata.NONE);

        assertEquals(ZeekPeer.string("at capacity (3 active shunts)"), reply("NetControl::broker_rule_error", 43, rule));
        assertEquals(List.of("deny ip host 10.9.0.1 any", "deny ip host 10.9.0.2 any"), rig.denies("bulk_1"));
    }

    @Test
    void anIdleRuleTimesOutWithTheSwitchCounters() throws Exception {
        JsonObject rule = drop(flow("10.1.2.3/32", "5001/udp", "192.0.2.9/32", "5002/udp"), timespan("36000s"), "30");
        addRule(30, rule, Metadata.NONE);
        reply("NetControl::broker_rule_added", 30, rule);
        rig.clock.advance(Duration.ofSeconds(90));
        rig.traffic(Flow.of(Protocol.UDP, "10.1.2.3", 5001, "192.0.2.9", 5002), 1000, 1_500_000);
        rig.purge();
        rig.clock.advance(Duration.ofSeconds(30));
        rig.purge();

        JsonObject flowInfo = reply("NetControl::broker_rule_timeout", 30, rule);
        assertEquals(ZeekPeer.vector(timespan("120s"), ZeekPeer.count(2000), ZeekPeer.count(3_000_000)), flowInfo);
        assertEquals(List.of(), rig.denies("bulk_1"));
        assertEquals(List.of(), rig.denies("bulk_2"));
    }

    @Test
    void removeRuleTakesTheShuntAwayAndIsAnsweredRemoved() throws Exception {
        JsonObject rule = drop(flow("10.1.2.3/32", "51234/tcp", "192.0.2.9/32", "443/tcp"), timespan("36000s"), "40");
        addRule(40, rule, Metadata.NONE);
        reply("NetControl::broker_rule_added", 40, rule);
        rig.peer.publish("zeek/dumbno/netcontrol", "NetControl::broker_remove_rule", Metadata.NONE,
                ZeekPeer.count(41), rule, ZeekPeer.string(""));

        assertEquals(ZeekPeer.string("removed from the switch"), reply("NetControl::broker_rule_removed", 41, rule));
        assertEquals(List.of(), rig.denies("bulk_1"));
        assertEquals(List.of(), rig.denies("bulk_2"));
        rig.purge();
        rig.purge();
        rig.request(42, "add", "10.7.7.7", "", "", 0, 0, Metadata.NONE);
        assertEquals("Dumbno::reply", rig.next().name(), "no timeout for a rule Zeek removed came first");
    }

    @Test
    void aRuleAddedAgainAfterZeekRestartedTimesOutOnce() throws Exception {
        JsonObject rule = drop(flow("10.1.2.3/32", null, "192.0.2.9/32", null), ZeekPeer.none(), "1");
        addRule(0, rule, Metadata.NONE);
        reply("NetControl::broker_rule_added", 0, rule);
        addRule(0, rule, Metadata.NONE);
        reply("NetControl::broker_rule_exists", 0, rule);
        rig.purge();
        rig.purge();

        reply("NetControl::broker_rule_timeout", 0, rule);
        rig.request(50, "add", "10.7.7.8", "", "", 0, 0, Metadata.NONE);
        assertEquals("Dumbno::reply", rig.next().name(), "one timeout only");
    }

    @Test
    void aBusyRuleGoesAtItsExpire() throws Exception {
        JsonObject rule = drop(flow("10.1.2.3/32", null, "192.0.2.9/32", null), timespan("1min"), "31");
        addRule(31, rule, Metadata.NONE);
        reply("NetControl::broker_rule_added", 31, rule);
        Flow flow = Flow.of(Protocol.TCP, "10.1.2.3", 1000, "192.0.2.9", 2000);
        rig.traffic(flow, 10, 1000);
        rig.clock.advance(Duration.ofSeconds(30));
        rig.purge();
        rig.traffic(flow, 10, 1000);
        rig.clock.advance(Duration.ofSeconds(30));
        rig.purge();

        JsonObject flowInfo = reply("NetControl::broker_rule_timeout", 31, rule);
        assertEquals(ZeekPeer.vector(timespan("60s"), ZeekPeer.count(40), ZeekPeer.count(4000)), flowInfo);
        assertEquals(List.of(), rig.denies("bulk_1"));
    }
}
