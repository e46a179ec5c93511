package org.dumbno.cli;

import picocli.CommandLine;

/** Entry point of the {@code dumbno} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DumbnoCommand.commandLine().execute(args));
    }
}
