package org.dumbno.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code dumbno} command: it lists its subcommands, and takes the Python tool's
 * command form, {@code dumbno CFG [setup|stats]}.
 */
@Command(
        name = "dumbno",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {"Keeps elephant flows off IDS sensors by shunting them in Arista switch ACLs.",
            "",
            "The Python dumbno's command form still works: 'dumbno CFG' is 'dumbno serve CFG', 'dumbno CFG setup' "
                + "is 'dumbno serve CFG --setup', 'dumbno CFG stats' is 'dumbno stats CFG --interval 5'."},
        subcommands = {ServeCommand.class, SetupCommand.class, AddCommand.class, RemoveCommand.class, ListCommand.class,
            StatsCommand.class, StatusCommand.class, FlushCommand.class, SimulateCommand.class, PlotCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":success",
            ExitCodes.FAILED + ":the request was refused or the operation failed",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":no answer from the server or the switch"
        })
final class DumbnoCommand implements Callable<Integer> {
    /** The Python tool's stats interval, in seconds. */
    static final String OLD_STATS_INTERVAL = "5";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CFG",
            description = "the Python dumbno's form: serve this configuration...")
    String oldConfig;

    @Parameters(index = "1", arity = "0..1", paramLabel = "setup|stats",
            description = "...after setting the switch up, or print its bandwidth instead")
    String oldAction;

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DumbnoCommand());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler(OneLineErrors::badUsage);
        cli.setExitCodeExceptionMapper(OneLineErrors::exitCode);
        cli.setExecutionStrategy(DumbnoCommand::execute);
        return cli;
    }

    /**
     * Runs what was asked. {@code setup} and {@code stats} are commands too, so {@code dumbno CFG
     * setup} reads as CFG followed by the command {@code setup}: that is the Python form, and runs
     * as it did.
     */
    private static int execute(ParseResult parsed) {
        CommandLine cli = parsed.commandSpec().commandLine();
        if (!parsed.hasSubcommand() || !parsed.hasMatchedPositional(0)) {
            return new CommandLine.RunLast().execute(parsed);
        }
        DumbnoCommand top = cli.getCommand();
        String action = parsed.subcommand().commandSpec().name();
        List<String> args = parsed.originalArgs();
        int at = args.indexOf(top.oldConfig) + 1;
        if (at == 0 || at >= args.size() || !args.get(at).equals(action)) {
            cli.getErr().println("dumbno: give a command first, or CFG first as the Python dumbno took it,"
                    + " not both (see 'dumbno --help')");
            return ExitCodes.USAGE;
        }
        return top.oldForm(action, args.subList(at + 1, args.size()));
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (oldConfig == null) {
            cli.usage(cli.getOut());
            return ExitCodes.USAGE;
        }
        return oldForm(oldAction == null ? "" : oldAction, List.of());
    }

    /** {@code dumbno CFG [ACTION] [OPTIONS]}, the Python tool's form. */
    private int oldForm(String action, List<String> options) {
        CommandLine cli = spec.commandLine();
        if (!Files.exists(Path.of(oldConfig))) {
            cli.getErr().println("dumbno: '" + oldConfig + "' is neither a command nor a configuration file"
                    + " (see 'dumbno --help')");
            return ExitCodes.USAGE;
        }
        List<String> args = new ArrayList<>(List.of(oldConfig));
        args.addAll(options);
        switch (action) {
            case "" -> {
                return cli.getSubcommands().get("serve").execute(args.toArray(String[]::new));
            }
            case "setup" -> {
                args.add("--setup");
                return cli.getSubcommands().get("serve").execute(args.toArray(String[]::new));
            }
            case "stats" -> {
                if (!options.contains("--interval")) {
                    args.addAll(List.of("--interval", OLD_STATS_INTERVAL));
                }
                return cli.getSubcommands().get("stats").execute(args.toArray(String[]::new));
            }
            default -> {
                cli.getErr().println("dumbno: after CFG comes setup, stats or nothing, not '" + action + "'"
                        + " (see 'dumbno --help')");
                return ExitCodes.USAGE;
            }
        }
    }
}
