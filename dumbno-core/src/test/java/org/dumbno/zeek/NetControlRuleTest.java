package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.testing.ZeekPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetControlRuleTest {

    private static NetControlRule read(JsonObject rule) {
        return NetControlRule.read(BrokerValue.of(rule, "rule"));
    }

    private static JsonObject flow(String srcH, String srcP, String dstH, String dstP, String expire) {
        return ZeekPeer.shuntFlowRule(ZeekPeer.flowEntity(srcH, srcP, dstH, dstP),
                expire == null ? ZeekPeer.none() : ZeekPeer.value("timespan", expire), "7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "10.1.2.3/32|51234/tcp|192.0.2.9/32|443/tcp|tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq 443",
        "-|-|192.0.2.9/32|53/udp|udp any host 192.0.2.9 eq 53",
        "10.1.2.3|-|-|-|ip host 10.1.2.3 any",
        "2001:db8::1/128|-|2001:db8::2/128|-|ipv6 host 2001:db8::1 host 2001:db8::2",
    })
    void aFlowBecomesOneRequest(String srcH, String srcP, String dstH, String dstP, String rule) {
        NetControlRule read = read(flow(srcH, srcP, dstH, dstP, "36000s"));

        assertEquals("7", read.id());
        assertEquals(List.of(rule), read.requests().stream().map(r -> r.toRule().text()).toList());
        assertEquals(Optional.of(Duration.ofHours(10)), read.expire());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "10.1.2.3/32|8/icmp|-|-|src_p (8/icmp) is not a tcp or udp port: dumbno shunts icmp and other protocols by"
                + " address only",
        "10.1.2.3/32|1/tcp|-|2/udp|ports 1/tcp and 2/udp name different protocols",
        "10.0.0.0/8|-|-|-|src_h (10.0.0.0/8) is a network: dumbno shunts single hosts (/32) only",
        "-|-|-|-|request must name at least one of src, dst, sport, dport",
        "10.1.2.3/32|-|2001:db8::1/128|-|dst (2001:db8::1) is not of the address family of src (10.1.2.3)",
    })
    void aFlowDumbnoCannotShuntIsRefusedWithTheReason(String srcH, String srcP, String dstH, String dstP,
            String reason) {
        assertEquals(reason, assertThrows(InvalidRequestException.class,
                () -> read(flow(srcH, srcP, dstH, dstP, null))).getMessage());
    }

    @Test
    void noExpireOrAZeroOneMeansNone() {
        assertEquals(Optional.empty(), read(flow("10.1.2.3/32", null, null, null, null)).expire());
        assertEquals(Optional.empty(), read(flow("10.1.2.3/32", null, null, null, "0s")).expire());
    }

    @Test
    void aMacEntityIsRefused() {
        JsonObject entity = ZeekPeer.vector(ZeekPeer.value("enum-value", "NetControl::MAC"), ZeekPeer.none(),
                ZeekPeer.none(), ZeekPeer.none(), ZeekPeer.string("00:11:22:33:44:55"));
        assertEquals("entity type NetControl::MAC is not supported: dumbno shunts flows, connections and single"
                + " addresses", assertThrows(InvalidRequestException.class,
                        () -> read(ZeekPeer.shuntFlowRule(entity, ZeekPeer.none(), "8"))).getMessage());
    }

    @Test
    void anEntityWithoutItsTypeIsRefusedNotThrownOut() {
        assertEquals("entity type is not set", assertThrows(InvalidRequestException.class,
                () -> read(ZeekPeer.shuntFlowRule(ZeekPeer.vector(), ZeekPeer.none(), "9"))).getMessage());
    }
}
