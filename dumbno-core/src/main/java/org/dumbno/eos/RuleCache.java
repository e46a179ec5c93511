package org.dumbno.eos;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.EntryWrite;
import org.dumbno.rule.Family;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Rule;

/**
 * Remembers the rules parsed from entry texts, so that reading thousands of unchanged entries
 * again parses nothing. Texts not seen during the last full read are forgotten.
 */
final class RuleCache {
    /** Stands for a text that is not a rule, so it is not parsed again either. */
    private static final Object UNPARSEABLE = new Object();

    private Map<String, Object> ip = new HashMap<>();
    private Map<String, Object> ipv6 = new HashMap<>();
    private Map<String, Object> nextIp = new HashMap<>();
    private Map<String, Object> nextIpv6 = new HashMap<>();

    /** The rule of {@code ruleText} in a list of {@code family}; null when it is not a rule. */
    synchronized Rule rule(Family family, String ruleText) {
        Map<String, Object> current = family == Family.IP ? ip : ipv6;
        Map<String, Object> next = family == Family.IP ? nextIp : nextIpv6;
        Object known = next.get(ruleText);
        if (known == null) {
            known = current.get(ruleText);
            if (known == null) {
                known = parse(family, ruleText);
            }
            next.put(ruleText, known);
        }
        return known == UNPARSEABLE ? null : (Rule) known;
    }

    /**
     * Remembers that {@code rule} reads back as its canonical text, so the first read after a
     * write does not parse it either.
     */
    synchronized void remember(Rule rule) {
        Map<String, Object> next = rule.family() == Family.IP ? nextIp : nextIpv6;
        next.putIfAbsent(rule.canonicalText(), rule);
    }

    /**
     * {@link #remember(Rule)} for the rule of each write, under one lock; a rule written to
     * several lists comes once per list, one after the other.
     */
    synchronized void remember(List<EntryWrite> writes) {
        Rule last = null;
        for (EntryWrite write : writes) {
            if (write.rule() != last) {
                last = write.rule();
                remember(last);
            }
        }
    }

    private static Object parse(Family family, String ruleText) {
        try {
            return Rule.parse(family, ruleText);
        } catch (InvalidRequestException e) {
            return UNPARSEABLE;
        }
    }

    /** Ends a full read: texts not looked up since the previous end are forgotten. */
    synchronized void endGeneration() {
        ip = nextIp;
        ipv6 = nextIpv6;
        nextIp = new HashMap<>(ip.size() * 2);
        nextIpv6 = new HashMap<>(ipv6.size() * 2);
    }
}
