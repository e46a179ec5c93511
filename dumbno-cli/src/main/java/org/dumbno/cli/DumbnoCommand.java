package org.dumbno.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code dumbno} command: it only lists its subcommands. */
@Command(
        name = "dumbno",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = "Keeps elephant flows off IDS sensors by shunting them in Arista switch ACLs.",
        subcommands = {ServeCommand.class, SetupCommand.class, AddCommand.class, RemoveCommand.class, ListCommand.class, StatsCommand.class, FlushCommand.class,
            SimulateCommand.class, PlotCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":success",
            ExitCodes.FAILED + ":the request was refused or the operation failed",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":no answer from the server or the switch"
        })
final class DumbnoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DumbnoCommand());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler(OneLineErrors::badUsage);
        cli.setExitCodeExceptionMapper(OneLineErrors::exitCode);
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }
}
