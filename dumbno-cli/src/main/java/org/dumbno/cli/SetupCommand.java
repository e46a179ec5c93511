package org.dumbno.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dumbno.acl.SetupReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dumbno setup CFG}: creates and binds the managed ACLs, printing each change. */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Create and bind the managed ACLs on the switch, then exit.",
        description = "Creates the ACLs of [ports] with their permit lines and counters, binds them inbound on "
                + "the ingress interfaces, prints one line per change, and exits. A second run changes "
                + "nothing. With several switches each is set up in turn, every line starting with its name "
                + "('edge2: created ...'); one that fails is reported and the others are still set up.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":every switch is set up",
            ExitCodes.FAILED + ":a switch refused a command",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":a switch could not be reached"
        })
final class SetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    ConfigFile config;

    @Override
    public Integer call() throws IOException {
        Logging.apply(logging);
        PrintWriter out = spec.commandLine().getOut();
        try (SwitchAccess access = SwitchAccess.open(config.path())) {
            return access.eachSwitch(target -> {
                SetupReport report = target.aclSwitch().setup();
                String prefix = access.prefix(target);
                if (report.changed()) {
                    report.changes().forEach(change -> out.println(prefix + change));
                } else {
                    out.println(prefix + "nothing to change");
                }
                report.warnings().forEach(warning -> out.println(prefix + "warning: " + warning));
                out.flush();
                return ExitCodes.OK;
            }, spec.commandLine().getErr());
        } finally {
            out.flush();
        }
    }
}
