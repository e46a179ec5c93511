package org.dumbno.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutProblem.Kind;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.daemon.Daemon;
import org.dumbno.manager.ACLManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dumbno status CFG}: asks the switch itself whether all is well, one line per check, for a
 * cron job or a monitoring check. Exit 0 only when every check passes.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Check the switch: reachable, credentials, layout, shunts against max_rules.",
        description = "Reads the switch of CFG and prints one line per check, 'ok' or 'FAIL' (or 'skip' when an "
                + "earlier check failed), then the check and what was found: reachable (eAPI answers), "
                + "credentials (it takes dumbno's), lists (every managed ACL exists), counters (each counts per "
                + "entry, and its counts are current), permits (10, 20, 30, 100001), bindings (each is bound "
                + "inbound where [ports] says), default-result (hardware access-list update default-result "
                + "permit), capacity (shunts in the sequence range below max_rules). Nothing is changed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":every check passed",
            ExitCodes.FAILED + ":a check failed",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":the switch could not be reached"
        })
final class StatusCommand implements Callable<Integer> {
    /** The layout checks, each with the kinds of problem it reports. */
    private static final Map<String, Set<Kind>> LAYOUT_CHECKS = layoutChecks();

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CFG", defaultValue = Cfg.DEFAULT,
            description = "the configuration file (default: ${DEFAULT-VALUE})")
    Path config;

    private final List<String> lines = new ArrayList<>();
    private boolean failed;

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
        int code;
        try (SwitchAccess access = SwitchAccess.open(config);
                ACLManager limits = Daemon.manager(access.config(), access.aclSwitch(), Clock.systemUTC())) {
            code = check(access.aclSwitch(), access.config(), limits.capacity());
        }
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        return code;
    }

    private int check(AclSwitch eos, DumbnoConfig config, int capacity) {
        String name = eos.describe();
        SwitchRead read;
        try {
            eos.learnLayout();
            read = eos.read();
        } catch (AuthenticationException e) {
            line(true, "reachable", name + " answered");
            line(false, "credentials", e.getMessage());
            skipRest();
            return ExitCodes.FAILED;
        } catch (SwitchException e) {
            line(false, "reachable", e.getMessage());
            skip("credentials");
            skipRest();
            return ExitCodes.UNREACHABLE;
        }
        line(true, "reachable", name + " answered");
        line(true, "credentials", "eAPI took dumbno's user and password");
        layout(read.layout(), eos, config.ports().size());
        capacity(read.acls(), config.dumbno(), capacity);
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
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
        } else {
            line(false, "capacity", shunts.size() + " shunts and " + what + " is " + limit
                    + ": new requests are refused at capacity");
        }
    }

    private void line(boolean ok, String check, String detail) {
        failed |= !ok;
        lines.add(String.format("%-4s %-15s %s", ok ? "ok" : "FAIL", check, detail));
    }

    private void skip(String check) {
        lines.add(String.format("%-4s %-15s %s", "skip", check, "not checked"));
    }

    private void skipRest() {
        LAYOUT_CHECKS.keySet().forEach(this::skip);
        skip("capacity");
    }
}
