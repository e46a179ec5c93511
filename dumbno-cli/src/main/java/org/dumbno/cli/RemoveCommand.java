package org.dumbno.cli;

import org.dumbno.client.Op;
import picocli.CommandLine.Command;

/** {@code dumbno remove}: takes one shunt away; exit 0 only once it is on no list of its family. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Take one shunt away, through a running server or straight on the switch.",
        description = "Asks a running dumbno server to remove a flow's shunt and prints its reply, ok once the rule "
                + "is on none of the switch's lists (or was not there), else error: <reason>; with --config, "
                + "removes it straight from the switch of that configuration instead. The flow is given as for "
                + "add: the rule add would have written is the one removed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":the shunt is gone (or was not there)",
            ExitCodes.FAILED + ":the server answered with an error, or the switch refused the removal",
            ExitCodes.USAGE + ":bad command line, request or configuration",
            ExitCodes.UNREACHABLE + ":no answer from the server or the switch"
        })
final class RemoveCommand extends FlowCommand {

    @Override
    Op op() {
        return Op.REMOVE;
    }
}
