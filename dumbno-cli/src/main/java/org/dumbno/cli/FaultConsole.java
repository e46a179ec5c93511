package org.dumbno.cli;

import java.time.Duration;
import java.util.Locale;
import org.dumbno.eos.sim.SimulatedSwitch;

/**
 * The faults {@code dumbno simulate} injects while it serves, one command a line on its standard
 * input: what a switch does to dumbno, for rehearsing.
 */
final class FaultConsole {
    static final String HELP = String.join("\n",
            "faults, one a line:",
            "  reload [SECONDS]     reload: the running config (ACLs, bindings, shunts) is lost;"
                    + " no answer for SECONDS (default 5)",
            "  counters off|on      no counters per-entry / counters per-entry in every ACL",
            "  stale on|off         the ACL counters stop being current / catch up",
            "  outage SECONDS       no answer for SECONDS",
            "  latency MS           MS milliseconds added to every eAPI call",
            "  clear                no outage, no latency",
            "  help                 this list");

    private final SimulatedSwitch simulated;

    FaultConsole(SimulatedSwitch simulated) {
        this.simulated = simulated;
    }

    /** Carries out one command; the line to print. */
    String apply(String line) {
        String[] words = line.strip().toLowerCase(Locale.ROOT).split("\\s+");
        try {
            return switch (words[0]) {
                case "" -> "";
                case "reload" -> {
                    long seconds = words.length > 1 ? number(words[1]) : 5;
                    simulated.reload(Duration.ofSeconds(seconds));
                    yield "reloaded: the running configuration is gone; no answer for " + seconds + " s";
                }
                case "counters" -> {
                    boolean on = onOff(words);
                    simulated.countersPerEntry(on);
                    yield on ? "counters per-entry in every ACL" : "no counters per-entry in every ACL";
                }
                case "stale" -> {
                    boolean stale = onOff(words);
                    simulated.staleCounters(stale);
                    yield stale ? "ACL counters stale" : "ACL counters current again";
                }
                case "outage" -> {
                    long seconds = number(word(words));
                    simulated.outage(Duration.ofSeconds(seconds));
                    yield "no answer for " + seconds + " s";
                }
                case "latency" -> {
                    long millis = number(word(words));
                    simulated.latency(Duration.ofMillis(millis));
                    yield millis + " ms per eAPI call";
                }
                case "clear" -> {
                    simulated.clearFaults();
                    yield "no outage, no latency";
                }
                case "help" -> HELP;
                default -> "unknown fault '" + words[0] + "'; help lists them";
            };
        } catch (IllegalArgumentException e) {
            return e.getMessage() + "; help lists the faults";
        }
    }

    private static String word(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException(words[0] + " needs a number");
        }
        return words[1];
    }

    private static long number(String word) {
        if (!word.matches("\\d{1,6}")) {
            throw new IllegalArgumentException("'" + word + "' is not a whole number");
        }
        return Long.parseLong(word);
    }

    private static boolean onOff(String[] words) {
        String word = words.length < 2 ? "" : words[1];
        if (word.equals("on") || word.equals("off")) {
            return word.equals("on");
        }
        throw new IllegalArgumentException(words[0] + " takes on or off, not '" + word + "'");
    }
}
