package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.HashSet;
import java.util.Set;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;

/** A request's rule built once for several engines, taken only by those shunting the same two-tuple hosts. */
class JudgedRuleTest {
    private static final Request FLOW = Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443);
    private static final Set<IPAddress> PAIR_HOSTS = Set.of(new IPAddressString("192.0.2.9").getAddress());

    @Test
    void anEngineWithTheSameHostsTakesTheRuleBuiltOnce() {
        JudgedRule judged = JudgedRule.of(FLOW, PAIR_HOSTS);

        assertSame(judged.rule(), JudgedRule.ruleFor(judged, FLOW, PAIR_HOSTS));
        assertSame(judged.rule(), JudgedRule.ruleFor(judged, FLOW, new HashSet<>(PAIR_HOSTS)),
                "equal sets, not only the same one");
        assertEquals(Rule.parse("ip host 10.1.2.3 host 192.0.2.9"), judged.rule());
    }

    @Test
    void anEngineWithOtherHostsBuildsItsOwn() {
        JudgedRule judged = JudgedRule.of(FLOW, PAIR_HOSTS);

        Rule own = JudgedRule.ruleFor(judged, FLOW, Set.of());

        assertEquals(FLOW.toRule(), own);
        assertNotEquals(judged.rule(), own);
    }

    @Test
    void withoutAJudgedRuleEachEngineBuildsItsOwn() {
        assertEquals(FLOW.toRule(PAIR_HOSTS), JudgedRule.ruleFor(null, FLOW, PAIR_HOSTS));
        assertEquals(FLOW.toRule(), JudgedRule.ruleFor(null, FLOW, Set.of()));
    }
}
