package org.dumbno.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.config.DumbnoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dumbno list CFG}: the shunts on the switch now, read in one call. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "List the shunts on the switch now.",
        description = "Lists the shunts on the switch: every entry strictly between seq_min and seq_max of the "
                + "managed ACLs, with the packets it matched. IDLE FOR is the time since the switch last "
                + "counted a packet for the entry (its lastChangedTime); '-' when the switch does not say, "
                + "e.g. before the first packet. PKTS/S is the packets per second over the last sweep, as the "
                + "running dumbno measured it, asked of its metrics_listen; '-' when it cannot say. With --json, "
                + "idle_for is in seconds, or null, and packets_per_second a number, or null. With several "
                + "switches the first column (the first field, switch) names the switch of each row; a switch "
                + "that cannot be read is reported on standard error and the others are listed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":listed",
            ExitCodes.FAILED + ":a switch refused the command",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":a switch could not be reached"
        })
final class ListCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("ACL", "FAMILY", "SEQ", "RULE", "MATCHES", "IDLE FOR", "PKTS/S");
    /** {@link #HEADER} without the rate, for a table of entries no running dumbno was asked about. */
    static final List<String> HEADER_WITHOUT_RATE = HEADER.subList(0, HEADER.size() - 1);
    /** The first column's heading when the configuration names several switches. */
    static final String SWITCH = "SWITCH";

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    ConfigFile config;

    @Option(names = "--json", description = "print a JSON array of objects: acl, family, seq, rule, matches, idle_for,"
            + " packets_per_second (after switch, with several switches)")
    boolean json;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        Logging.apply(logging);
        Map<String, List<ShuntRow>> bySwitch = new LinkedHashMap<>();
        int code;
        boolean several;
        try (SwitchAccess access = SwitchAccess.open(config.path())) {
            several = access.several();
            DumbnoSettings settings = access.config().dumbno();
            SweptRates rates = SweptRates.ask(settings.metricsListen());
            code = access.eachSwitch(target -> {
                bySwitch.put(target.name(), read(target.aclSwitch(), settings, rates.on(target.name())));
                return ExitCodes.OK;
            }, spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(bySwitch, several) : table(bySwitch, several, true));
        out.flush();
        return code;
    }

    private List<ShuntRow> read(AclSwitch eos, DumbnoSettings settings, SweptRates rates) throws IOException {
        Map<AclKey, List<AclEntry>> acls = eos.read().acls();
        Instant now = clock.instant();
        List<ShuntRow> rows = new ArrayList<>();
        acls.forEach((acl, entries) -> rows.addAll(ShuntRow.of(acl, entries, settings.seqMin(), settings.seqMax(), now)));
        rows.sort(ShuntRow.ORDER);
        return rows.stream().map(row -> row.withRate(rates)).toList();
    }

    /** The rows of every switch as one JSON array; each object starts with {@code switch} when there are several. */
    static String json(Map<String, List<ShuntRow>> bySwitch, boolean several) {
        JsonArray array = new JsonArray();
        bySwitch.forEach((name, rows) -> rows.forEach(row -> {
            JsonObject object = new JsonObject();
            if (several) {
                object.addProperty("switch", name);
            }
            row.toJson().entrySet().forEach(field -> object.add(field.getKey(), field.getValue()));
            array.add(object);
        }));
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create()
                .toJson(array) + System.lineSeparator();
    }

    /**
     * The rows of every switch as one table; its first column is {@code SWITCH} when there are several,
     * its last {@code PKTS/S} when {@code rates}.
     */
    static String table(Map<String, List<ShuntRow>> bySwitch, boolean several, boolean rates) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = rates ? HEADER : HEADER_WITHOUT_RATE;
        lines.add(several ? withSwitch(SWITCH, header) : header);
        bySwitch.forEach((name, rows) -> rows.forEach(row -> {
            List<String> cells = rates ? cells(row) : cells(row).subList(0, header.size());
            lines.add(several ? withSwitch(name, cells) : cells);
        }));
        int[] widths = new int[lines.get(0).size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder one = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                one.append(i == 0 ? "" : "  ").append(pad(line.get(i), widths[i]));
            }
            text.append(one.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** One row's cells, in the order of {@link #HEADER}. */
    private static List<String> cells(ShuntRow row) {
        return List.of(row.acl(), row.family(), Long.toString(row.sequence()), row.rule(),
                Long.toString(row.matches()), row.idleText(), row.rateText());
    }

    private static List<String> withSwitch(String name, List<String> cells) {
        List<String> line = new ArrayList<>(cells.size() + 1);
        line.add(name);
        line.addAll(cells);
        return line;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
