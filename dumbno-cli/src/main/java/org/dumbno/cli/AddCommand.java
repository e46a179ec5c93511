package org.dumbno.cli;

import org.dumbno.client.Op;
import picocli.CommandLine.Command;

/** {@code dumbno add}: one request to a running server; exit 0 only when it answers {@code ok}. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Shunt one flow, through a running server or straight to the switch.",
        description = "Asks a running dumbno server to shunt a flow and prints its reply, ok or error: <reason>; "
                + "with --config, writes the shunt straight to the switch of that configuration instead. "
                + "Leave a field out to mean any; name at least one of --src, --dst, --sport, --dport.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":the server (or the switch) answered ok",
            ExitCodes.FAILED + ":the server answered with an error, or the switch refused the shunt",
            ExitCodes.USAGE + ":bad command line, request or configuration",
            ExitCodes.UNREACHABLE + ":no answer from the server or the switch"
        })
final class AddCommand extends FlowCommand {

    @Override
    Op op() {
        return Op.ADD;
    }
}
