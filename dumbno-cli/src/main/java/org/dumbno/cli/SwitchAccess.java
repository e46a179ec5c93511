package org.dumbno.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dumbno.acl.AclSwitch;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.SwitchConfig;
import org.dumbno.daemon.Switches;

/**
 * A configuration and its switches, each reached the way a process other than the server reaches
 * it (a simulated switch through the server's {@code eapi_listen}); closing it releases the
 * transports. With one switch a command prints what it always printed; with several, each line
 * says which switch it is about ({@link #prefix}).
 */
final class SwitchAccess implements Closeable {
    private final DumbnoConfig config;
    private final List<Target> switches;

    private SwitchAccess(DumbnoConfig config, List<Target> switches) {
        this.config = config;
        this.switches = List.copyOf(switches);
    }

    static SwitchAccess open(Path file) throws IOException {
        DumbnoConfig config = DumbnoConfig.load(file);
        List<Target> targets = new ArrayList<>();
        try {
            for (SwitchConfig one : config.switches()) {
                targets.add(new Target(one, Switches.open(config, one, Switches.Role.CLIENT, file.toString())));
            }
        } catch (IOException | RuntimeException e) {
            new SwitchAccess(config, targets).close();
            throw e;
        }
        return new SwitchAccess(config, targets);
    }

    DumbnoConfig config() {
        return config;
    }

    /** The switches, in the order the configuration names them. */
    List<Target> switches() {
        return switches;
    }

    /** Whether the configuration names more than one switch. */
    boolean several() {
        return switches.size() > 1;
    }

    /** What starts a line about {@code target}: nothing with one switch, {@code NAME: } with several. */
    String prefix(Target target) {
        return several() ? target.name() + ": " : "";
    }

    /**
     * Runs {@code work} on every switch and returns the worst exit code. With one switch a failure
     * propagates as it always did; with several, a switch that fails is reported on {@code err},
     * {@code dumbno: NAME: reason}, its exit code counted, and the next switch still runs.
     */
    int eachSwitch(Work work, PrintWriter err) throws IOException {
        if (!several()) {
            return work.run(switches.get(0));
        }
        int code = ExitCodes.OK;
        for (Target target : switches) {
            try {
                code = ExitCodes.worst(code, work.run(target));
            } catch (IOException | UncheckedIOException e) {
                err.println("dumbno: " + target.name() + ": " + e.getMessage());
                err.flush();
                code = ExitCodes.worst(code, OneLineErrors.exitCode(e));
            }
        }
        return code;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Target target : switches) {
            try {
                target.aclSwitch().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** What a command does with one switch; its exit code. */
    @FunctionalInterface
    interface Work {
        int run(Target target) throws IOException;
    }

    /**
     * One switch of the configuration.
     *
     * @param config its sections of the configuration
     * @param aclSwitch the switch, reached as {@code config} says
     */
    record Target(SwitchConfig config, AclSwitch aclSwitch) {
        Target {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(aclSwitch, "aclSwitch");
        }

        /** Its name: {@code NAME} of {@code [switch NAME]}, {@code [switch] name} for the first. */
        String name() {
            return config.name();
        }

        /** Its ingress interfaces, each with its ACL name, in file order. */
        Map<String, String> ports() {
            return config.ports();
        }

        /** Its tool-facing interfaces, in file order. */
        Map<String, String> egressPorts() {
            return config.egressPorts();
        }
    }
}
