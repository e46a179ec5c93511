package org.dumbno.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.SwitchRefusedException;
import org.dumbno.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user can expect (a bad command line or configuration, an unreachable switch
 * or server) into one line on standard error and an exit code; anything else is a bug and keeps its
 * stack trace.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (isExpected(e)) {
            cli.getErr().println("dumbno: " + e.getMessage());
            return exitCode(e);
        }
        throw new IllegalStateException("unexpected failure: " + e, e);
    }

    /** A command line picocli could not read: one line naming the problem, and the usage exit code. */
    static int badUsage(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("bad command line");
        cli.getErr().println("dumbno: " + problem + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    static int exitCode(Throwable e) {
        if (e instanceof ParameterException || e instanceof ConfigException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof BindException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof SwitchRefusedException || e instanceof AuthenticationException) {
            return ExitCodes.FAILED;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    private static boolean isExpected(Exception e) {
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException
                || e instanceof ConfigException;
    }
}
