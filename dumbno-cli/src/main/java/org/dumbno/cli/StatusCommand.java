package org.dumbno.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.LayoutProblem.Kind;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.daemon.Daemon;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.WhenFull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dumbno status CFG}: asks the switch itself whether all is well, one line per check, for a
 * cron job or a monitoring check. Exit 0 only when every check passes.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Check the switches: reachable, credentials, layout, shunts against max_rules.",
        description = "Reads the switch of CFG and prints one line per check, 'ok' or 'FAIL' (or 'skip' when an "
                + "earlier check failed), then the check and what was found: reachable (eAPI answers), "
                + "credentials (it takes dumbno's), lists (every managed ACL exists), counters (each counts per "
                + "entry, and its counts are current), permits (10, 20, 30, 100001), bindings (each is bound "
                + "inbound where [ports] says), default-result (hardware access-list update default-result "
                + "permit), capacity (shunts in the sequence range below max_rules). Nothing is changed. With "
                + "several switches each line names its switch after the status, and a last line sums up "
                + "which passed and which failed what.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":every check passed on every switch",
            ExitCodes.FAILED + ":a check failed",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":a switch could not be reached"
        })
final class StatusCommand implements Callable<Integer> {
    /** The layout checks, each with the kinds of problem it reports. */
    private static final Map<String, Set<Kind>> LAYOUT_CHECKS = layoutChecks();

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    ConfigFile config;

    private static Map<String, Set<Kind>> layoutChecks() {
        Map<String, Set<Kind>> checks = new java.util.LinkedHashMap<>();
        checks.put("lists", EnumSet.of(Kind.MISSING, Kind.READ_INCOMPLETE));
        checks.put("counters", EnumSet.of(Kind.COUNTERS_OFF, Kind.COUNTERS_STALE, Kind.COUNTERS_INCOMPLETE));
        checks.put("permits", EnumSet.of(Kind.PERMIT_MISSING));
        checks.put("bindings", EnumSet.of(Kind.UNBOUND));
        checks.put("default-result", EnumSet.of(Kind.DEFAULT_RESULT));
        return checks;
    }

    @Override
    public Integer call() throws IOException {
        Logging.apply(logging);
        List<Checks> checked = new ArrayList<>();
        try (SwitchAccess access = SwitchAccess.open(config.path())) {
            for (SwitchAccess.Target target : access.switches()) {
                try (ACLManager limits = Daemon.manager(access.config(), target.config(), target.aclSwitch(),
                        Clock.systemUTC())) {
                    Checks checks = new Checks(target.name());
                    checks.code = checks.check(target.aclSwitch(), target.ports().size(), access.config().dumbno(),
                            limits.capacity());
                    checked.add(checks);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        int width = checked.size() == 1 ? 0 : checked.stream().mapToInt(c -> c.name.length()).max().orElse(0);
        checked.forEach(checks -> checks.lines.forEach(line -> out.println(line.text(checks.name, width))));
        if (checked.size() > 1) {
            out.println("switches: " + String.join(", ", checked.stream().map(Checks::summary).toList()));
        }
        out.flush();
        return checked.stream().mapToInt(checks -> checks.code).reduce(ExitCodes.OK, ExitCodes::worst);
    }

    /** One line of the report: passed, failed or skipped, the check, what was found. */
    private record Line(String status, String check, String detail) {
        /** The line, with the switch's name in a column {@code width} wide after the status; none when 0. */
        String text(String name, int width) {
            return width == 0 ? String.format("%-4s %-15s %s", status, check, detail)
                    : String.format("%-4s %-" + width + "s  %-15s %s", status, name, check, detail);
        }
    }

    /** The checks of one switch, in order, and the exit code they come to. */
    private static final class Checks {
        private final String name;
        private final List<Line> lines = new ArrayList<>();
        private int code;

        Checks(String name) {
            this.name = name;
        }

        private int check(AclSwitch eos, int ports, DumbnoSettings settings, int capacity) {
            String where = eos.describe();
            SwitchRead read;
            try {
                eos.learnLayout();
                read = eos.read();
            } catch (AuthenticationException e) {
                line(true, "reachable", where + " answered");
                line(false, "credentials", e.getMessage());
                skipRest();
                return ExitCodes.FAILED;
            } catch (SwitchException e) {
                line(false, "reachable", e.getMessage());
                skip("credentials");
                skipRest();
                return ExitCodes.UNREACHABLE;
            }
            line(true, "reachable", where + " answered");
            line(true, "credentials", "eAPI took dumbno's user and password");
            layout(read.layout(), eos, ports);
            capacity(read.acls(), settings, capacity);
            return failed() ? ExitCodes.FAILED : ExitCodes.OK;
        }

        private boolean failed() {
            return lines.stream().anyMatch(line -> line.status().equals("FAIL"));
        }

        /** {@code NAME ok}, or {@code NAME FAIL (checks)} naming the checks that failed. */
        String summary() {
            List<String> failedChecks = lines.stream().filter(line -> line.status().equals("FAIL")).map(Line::check)
                    .toList();
            return failedChecks.isEmpty() ? name + " ok" : name + " FAIL (" + String.join(", ", failedChecks) + ")";
        }

        private void layout(LayoutReport report, AclSwitch eos, int ports) {
            LAYOUT_CHECKS.forEach((check, kinds) -> {
                List<String> problems = report.problems().stream().filter(p -> kinds.contains(p.kind()))
                        .map(LayoutProblem::text).toList();
                line(problems.isEmpty(), check, problems.isEmpty() ? passed(check, eos, ports) : String.join("; ", problems));
            });
        }

        private static String passed(String check, AclSwitch eos, int ports) {
            int lists = eos.acls().size();
            return switch (check) {
                case "lists" -> lists + " access lists, " + eos.acls().stream().map(AclKey::toString).toList();
                case "counters" -> "every list counts per entry, counts current";
                case "permits" -> "fin, syn, rst at 10, 20, 30 and the final permit at 100001 in every list";
                case "bindings" -> ports + " interfaces bound inbound as [ports] says";
                default -> "hardware access-list update default-result permit is configured";
            };
        }

        /** Shunts (sequence numbers with a deny line in range) against max_rules, or the range when it is 0. */
        private void capacity(Map<AclKey, List<AclEntry>> acls, DumbnoSettings settings, int limit) {
            Set<Long> shunts = new TreeSet<>();
            acls.values().forEach(entries -> entries.stream().filter(AclEntry::isDeny)
                    .filter(e -> e.sequence() > settings.seqMin() && e.sequence() < settings.seqMax())
                    .forEach(e -> shunts.add(e.sequence())));
            String what = settings.maxRules() > 0 ? "max_rules" : "odd numbers in (" + settings.seqMin() + ", "
                    + settings.seqMax() + ")";
            if (shunts.size() < limit) {
                line(true, "capacity", shunts.size() + " of " + limit + " shunts (" + what + ")");
            } else if (settings.maxRules() > 0 && settings.whenFull() == WhenFull.EVICT) {
                line(true, "capacity", shunts.size() + " of " + limit + " shunts (" + what
                        + "): full, new requests evict the least active (when_full = evict)");
            } else {
                line(false, "capacity", shunts.size() + " shunts and " + what + " is " + limit
                        + ": new requests are refused at capacity");
            }
        }

        private void line(boolean ok, String check, String detail) {
            lines.add(new Line(ok ? "ok" : "FAIL", check, detail));
        }

        private void skip(String check) {
            lines.add(new Line("skip", check, "not checked"));
        }

        private void skipRest() {
            LAYOUT_CHECKS.keySet().forEach(this::skip);
            skip("capacity");
        }
    }
}
