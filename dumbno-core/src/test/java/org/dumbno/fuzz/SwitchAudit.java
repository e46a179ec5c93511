package org.dumbno.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Rule;

/**
 * Checks what reached the switch against the rules of the requests answered {@code ok}: every
 * command the engine sent is a read, a mode change or {@code SEQ deny RULE} of such a rule, written
 * once per list; and the deny entries of every managed list are exactly those rules of its family.
 */
final class SwitchAudit {
    private static final Pattern MODE = Pattern.compile("(ip|ipv6) access-list (\\S+)");
    private static final Pattern SHOW = Pattern.compile("show (ip|ipv6) access-lists (\\S+)");
    private static final Pattern DENY = Pattern.compile("(\\d+) deny (.+)");

    private final Set<String> names;
    private final Set<Rule> okRules;
    private final long seqMin;
    private final long seqMax;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> written = new HashMap<>();
    private final Map<String, Rule> parsed = new HashMap<>();

    /** The reads that check the layout: the lists' bindings and the default-result setting. */
    private static final Set<String> LAYOUT_READS = Set.of("show ip access-lists summary",
            "show ipv6 access-lists summary", "show running-config section hardware access-list");

    SwitchAudit(Set<String> names, Set<Rule> okRules, long seqMin, long seqMax) {
        this.names = names;
        this.okRules = okRules;
        this.seqMin = seqMin;
        this.seqMax = seqMax;
    }

    /** The layout a write puts into a list before its deny lines. */
    private static List<String> layout(Family family) {
        return List.of("counters per-entry", "no 10", "10 permit tcp any any fin", "no 20", "20 permit tcp any any syn",
                "no 30", "30 permit tcp any any rst", "no 100001", "100001 permit " + family.keyword() + " any any");
    }

    /** Checks every command of every call; returns this for chaining. */
    SwitchAudit commands(List<List<String>> calls) {
        for (List<String> call : calls) {
            String list = null;
            Family family = null;
            for (String command : call) {
                Matcher show = SHOW.matcher(command);
                Matcher mode = MODE.matcher(command);
                Matcher deny = DENY.matcher(command);
                if (command.equals("exit")) {
                    list = null;
                } else if (command.equals("enable") || command.equals("configure") || LAYOUT_READS.contains(command)) {
                    continue;
                } else if (show.matches()) {
                    if (!names.contains(show.group(2))) {
                        problem("a read of an unmanaged list: " + command);
                    }
                } else if (mode.matches() && names.contains(mode.group(2))) {
                    family = mode.group(1).equals("ip") ? Family.IP : Family.IPV6;
                    list = mode.group(2);
                } else if (list != null && layout(family).contains(command)) {
                    continue;
                } else if (deny.matches() && list != null) {
                    deny(list, family, Long.parseLong(deny.group(1)), deny.group(2), command);
                } else {
                    problem("an unexpected command: " + Printable.of(command) + " in " + call);
                }
            }
        }
        return this;
    }

    private void deny(String list, Family family, long sequence, String text, String command) {
        if (sequence % 2 == 0 || sequence <= seqMin || sequence >= seqMax) {
            problem("a sequence number outside the managed odd range: " + command);
        }
        Rule rule;
        try {
            rule = parse(family, text);
        } catch (InvalidRequestException e) {
            problem("a deny command whose rule does not parse (" + e.getMessage() + "): " + Printable.of(command));
            return;
        }
        if (!okRules.contains(rule)) {
            problem("a rule no request answered ok asked for: " + command);
        }
        if (written.merge(family.keyword() + " " + list + " " + rule, 1, Integer::sum) > 1) {
            problem("a rule written twice to " + family.keyword() + " " + list + ": " + command);
        }
    }

    /** Checks the deny entries of every managed list; returns this for chaining. */
    SwitchAudit entries(SimulatedSwitch sim) {
        for (Family family : Family.values()) {
            Set<Rule> expected = new HashSet<>();
            okRules.stream().filter(r -> r.family() == family).forEach(expected::add);
            for (String name : names) {
                Set<Rule> found = new HashSet<>();
                int count = 0;
                for (SimulatedEntry entry : sim.entries(name, family)) {
                    if (entry.action() != SimulatedEntry.Action.DENY) {
                        continue;
                    }
                    count++;
                    String text = entry.text().substring("deny ".length());
                    if (!parse(family, text).equals(entry.rule()) || !found.add(entry.rule())) {
                        problem(family.keyword() + " " + name + " holds " + entry.sequence() + " " + text
                                + " twice or in a text that reads back otherwise");
                    }
                }
                if (!found.equals(expected)) {
                    Set<Rule> extra = new HashSet<>(found);
                    extra.removeAll(expected);
                    Set<Rule> missing = new HashSet<>(expected);
                    missing.removeAll(found);
                    problem(family.keyword() + " " + name + ": " + extra.size() + " rules no ok asked for "
                            + sample(extra) + ", " + missing.size() + " ok rules missing " + sample(missing));
                }
                long denies = written.keySet().stream()
                        .filter(key -> key.startsWith(family.keyword() + " " + name + " ")).count();
                if (denies != count) {
                    problem(family.keyword() + " " + name + " has " + count + " deny entries, " + denies + " written");
                }
            }
        }
        return this;
    }

    /** The rule a text reads as; each text is read once, as every list of a family holds the same texts. */
    private Rule parse(Family family, String text) {
        Rule rule = parsed.get(family.keyword() + " " + text);
        if (rule == null) {
            rule = Rule.parse(family, text);
            parsed.put(family.keyword() + " " + text, rule);
        }
        return rule;
    }

    private static String sample(Set<Rule> rules) {
        return rules.stream().limit(5).map(Rule::text).toList().toString();
    }

    private void problem(String text) {
        if (problems.size() < 50) {
            problems.add(text);
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
