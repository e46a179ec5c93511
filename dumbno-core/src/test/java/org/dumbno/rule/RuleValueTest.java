package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rule as a value: equality and hash code by what it matches, its texts built once. */
class RuleValueTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"src":"10.0.0.1","dst":"10.0.0.2","proto":"tcp","sport":1234,"dport":443}
            {"src":"2001:db8::1","dst":"2001:db8::2","proto":"udp","dport":53}
            {"dst":"192.0.2.7","proto":"tcp","dport":80}
            {"src":"10.9.8.7"}
            """)
    void aRequestsRuleEqualsItsTextAndTheSwitchsTextReadBack(String json) {
        Rule fromRequest = Request.parse(json.getBytes(StandardCharsets.UTF_8)).toRule();

        Rule written = Rule.parse(fromRequest.text());
        Rule stored = Rule.parse(fromRequest.family(), fromRequest.canonicalText());

        assertEquals(fromRequest, written);
        assertEquals(fromRequest, stored);
        assertEquals(fromRequest.hashCode(), written.hashCode());
        assertEquals(fromRequest.hashCode(), stored.hashCode());
        assertEquals(Set.of(fromRequest), new HashSet<>(List.of(written, stored)));
    }

    @Test
    void rulesDifferingInOnePartAreNotEqual() {
        Rule rule = Rule.parse("tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443 syn");

        assertNotEquals(rule, Rule.parse("tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443"));
        assertNotEquals(rule, Rule.parse("tcp host 10.0.0.1 eq 1234 host 10.0.0.3 eq 443 syn"));
        assertNotEquals(rule, Rule.parse("tcp host 10.0.0.1 eq 1235 host 10.0.0.2 eq 443 syn"));
        assertNotEquals(rule, Rule.parse("tcp host 10.0.0.2 eq 443 host 10.0.0.1 eq 1234 syn"));
        assertNotEquals(Rule.parse("udp any any"), Rule.parse("tcp any any"));
        assertNotEquals(Rule.parse(Family.IP, "ip any any"), Rule.parse(Family.IPV6, "ipv6 any any"));
        assertNotEquals(rule, rule.text());
    }

    @Test
    void flagsCompareAsASetWhateverTheirOrder() {
        Endpoint any = Endpoint.any();
        Rule one = new Rule(Family.IP, Protocol.TCP, any, any, EnumSet.of(TcpFlag.SYN, TcpFlag.FIN));
        Rule other = new Rule(Family.IP, Protocol.TCP, any, any, new LinkedHashSet<>(
                List.of(TcpFlag.FIN, TcpFlag.SYN)));

        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        assertEquals(Set.of(TcpFlag.SYN, TcpFlag.FIN), one.flags());
    }

    @Test
    void textsAreBuiltOnceAndStayTheSame() {
        Rule rule = Rule.parse("tcp host 10.0.0.1 any eq https");

        assertEquals("tcp host 10.0.0.1 any eq 443", rule.text());
        assertEquals("tcp host 10.0.0.1 any eq https", rule.canonicalText());
        assertSame(rule.text(), rule.text());
        assertSame(rule.canonicalText(), rule.canonicalText());
        assertEquals(rule.text(), rule.toString());
    }
}
