package org.dumbno.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.EntryRef;
import org.dumbno.config.DumbnoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dumbno flush --config CFG --yes}: removes every deny line strictly between seq_min and
 * seq_max from the managed lists, and nothing else. Without {@code --yes} it only lists them.
 */
@Command(
        name = "flush",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Remove every shunt from the switch.",
        description = "Removes every deny line strictly between seq_min and seq_max from the managed ACLs, "
                + "whoever wrote it, in one call, then reads the ACLs again to check that none is left. The "
                + "layout stays: the permits, counters and bindings, and any permit line in the range. Without "
                + "--yes it lists what it would remove and exits 1. With several switches every switch is "
                + "flushed in turn and reported on a line of its own, starting with its name; one that cannot "
                + "be reached is reported and the others are still flushed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":every shunt is gone from every switch (or there was none)",
            ExitCodes.FAILED + ":without --yes; or a switch refused, or a line was still there afterwards",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":a switch could not be reached"
        })
final class FlushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--config", paramLabel = "CFG", defaultValue = Cfg.DEFAULT,
            description = "the configuration file (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--yes", description = "remove them; without it, only list them")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        Logging.apply(logging);
        PrintWriter out = spec.commandLine().getOut();
        try (SwitchAccess access = SwitchAccess.open(config)) {
            DumbnoSettings settings = access.config().dumbno();
            if (!yes) {
                return preview(access, settings, out);
            }
            return access.eachSwitch(target -> flush(target.aclSwitch(), access.prefix(target), settings, out),
                    spec.commandLine().getErr());
        } finally {
            out.flush();
        }
    }

    /**
     * Without --yes: the lines every switch would lose, as {@code dumbno list} shows them but for the
     * rate (IDLE FOR says whether a shunt still matches packets), and how many; exit 1 when there are
     * any.
     */
    private int preview(SwitchAccess access, DumbnoSettings settings, PrintWriter out) throws IOException {
        Map<String, List<ShuntRow>> rows = new LinkedHashMap<>();
        List<String> counts = new ArrayList<>();
        Instant now = Instant.now();
        int code = access.eachSwitch(target -> {
            Map<AclKey, List<AclEntry>> denies = denies(target.aclSwitch().read().acls(), settings);
            List<ShuntRow> switchRows = new ArrayList<>();
            denies.forEach((acl, lines) -> switchRows.addAll(ShuntRow.of(acl, lines, settings.seqMin(),
                    settings.seqMax(), now)));
            switchRows.sort(ShuntRow.ORDER);
            rows.put(target.name(), switchRows);
            String where = target.aclSwitch().describe();
            counts.add(access.prefix(target) + (switchRows.isEmpty() ? "no shunts on " + where
                    : switchRows.size() + " lines would be removed from " + where));
            return switchRows.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }, spec.commandLine().getErr());
        boolean any = rows.values().stream().anyMatch(list -> !list.isEmpty());
        if (any) {
            out.print(ListCommand.table(rows, access.several(), false));
        }
        if (access.several()) {
            counts.forEach(out::println);
            if (any) {
                out.println("run again with --yes to remove them");
            }
        } else {
            out.println(counts.get(0) + (any ? "; run again with --yes to remove them" : ""));
        }
        return code;
    }

    /** Removes the deny lines of one switch and reads it again to check that none is left. */
    private static int flush(AclSwitch eos, String prefix, DumbnoSettings settings, PrintWriter out)
            throws IOException {
        Map<AclKey, List<AclEntry>> denies = denies(eos.read().acls(), settings);
        int count = denies.values().stream().mapToInt(List::size).sum();
        if (count == 0) {
            out.println(prefix + "no shunts on " + eos.describe());
            return ExitCodes.OK;
        }
        List<EntryRef> refs = new ArrayList<>();
        denies.forEach((acl, lines) -> lines.forEach(line -> refs.add(new EntryRef(acl, line.sequence()))));
        eos.remove(refs);
        Map<AclKey, List<AclEntry>> left = denies(eos.read().acls(), settings);
        int remaining = left.values().stream().mapToInt(List::size).sum();
        if (remaining > 0) {
            left.forEach((acl, lines) -> lines.forEach(line -> out.println(prefix + "still there: " + acl + " "
                    + line.sequence() + " " + line.text())));
            out.println(prefix + remaining + " deny lines are still on " + eos.describe() + " after removing " + count);
            return ExitCodes.FAILED;
        }
        out.println(prefix + "removed " + count + " lines from " + eos.describe());
        return ExitCodes.OK;
    }

    /** The deny lines strictly between seq_min and seq_max, by list; lists without any left out. */
    private static Map<AclKey, List<AclEntry>> denies(Map<AclKey, List<AclEntry>> acls, DumbnoSettings settings) {
        Map<AclKey, List<AclEntry>> denies = new LinkedHashMap<>();
        acls.forEach((acl, entries) -> {
            List<AclEntry> lines = entries.stream().filter(AclEntry::isDeny)
                    .filter(e -> e.sequence() > settings.seqMin() && e.sequence() < settings.seqMax()).toList();
            if (!lines.isEmpty()) {
                denies.put(acl, lines);
            }
        });
        return denies;
    }
}
