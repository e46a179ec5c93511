package org.dumbno.cli;

import ch.qos.logback.classic.Level;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --verbose} and {@code --quiet}, shared by every subcommand as a picocli mixin; the command
 * hands them to {@link Logging#apply(LoggingOptions)} when it starts.
 */
final class LoggingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Level level = Level.INFO;

    @Option(names = "--verbose", description = "Log debugging detail.")
    void verbose(boolean on) {
        choose(on, Level.DEBUG, "--verbose");
    }

    @Option(names = "--quiet", description = "Log only warnings and errors.")
    void quiet(boolean on) {
        choose(on, Level.WARN, "--quiet");
    }

    /** The level for dumbno's own loggers: DEBUG, INFO or WARN. */
    Level level() {
        return level;
    }

    private void choose(boolean on, Level wanted, String option) {
        if (!on) {
            return;
        }
        if (level != Level.INFO && level != wanted) {
            throw new ParameterException(mixee.commandLine(),
                    "--verbose and --quiet exclude each other (" + option + ")");
        }
        level = wanted;
    }
}
