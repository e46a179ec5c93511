package org.dumbno.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The {@code CFG} argument of the commands that read a configuration file ({@code serve},
 * {@code setup}, {@code list}, {@code stats}, {@code status}): optional, {@link Cfg#DEFAULT} when
 * left out.
 */
final class ConfigFile {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CFG", defaultValue = Cfg.DEFAULT,
            description = "the configuration file (default: ${DEFAULT-VALUE})")
    Path path;

    /** The file given, or the default. */
    Path path() {
        return path;
    }
}
