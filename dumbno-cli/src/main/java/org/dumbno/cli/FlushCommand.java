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
                + "--yes it lists what it would remove and exits 1.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":every shunt is gone (or there was none)",
            ExitCodes.FAILED + ":without --yes; or the switch refused, or a line was still there afterwards",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":the switch could not be reached"
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
            AclSwitch eos = access.aclSwitch();
            DumbnoSettings settings = access.config().dumbno();
            Map<AclKey, List<AclEntry>> denies = denies(eos.read().acls(), settings);
            int count = denies.values().stream().mapToInt(List::size).sum();
            if (count == 0) {
                out.println("no shunts on " + eos.describe());
                return ExitCodes.OK;
            }
            if (!yes) {
                List<ShuntRow> rows = new ArrayList<>();
                Instant now = Instant.now();
                denies.forEach((acl, lines) -> rows.addAll(ShuntRow.of(acl, lines, settings.seqMin(),
                        settings.seqMax(), now)));
                rows.sort(ShuntRow.ORDER);
                out.print(ListCommand.table(rows));
                out.println(count + " lines would be removed from " + eos.describe()
                        + "; run again with --yes to remove them");
                return ExitCodes.FAILED;
            }
            List<EntryRef> refs = new ArrayList<>();
            denies.forEach((acl, lines) -> lines.forEach(line -> refs.add(new EntryRef(acl, line.sequence()))));
            eos.remove(refs);
            Map<AclKey, List<AclEntry>> left = denies(eos.read().acls(), settings);
            int remaining = left.values().stream().mapToInt(List::size).sum();
            if (remaining > 0) {
                left.forEach((acl, lines) -> lines.forEach(line -> out.println("still there: " + acl + " "
                        + line.sequence() + " " + line.text())));
                out.println(remaining + " deny lines are still on " + eos.describe() + " after removing " + count);
                return ExitCodes.FAILED;
            }
            out.println("removed " + count + " lines from " + eos.describe());
            return ExitCodes.OK;
        } finally {
            out.flush();
        }
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
