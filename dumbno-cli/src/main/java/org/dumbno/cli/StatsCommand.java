package org.dumbno.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.acl.InterfaceCounters;
import org.dumbno.acl.SwitchException;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dumbno stats CFG}: ingress, egress and filtered bandwidth, one line per interval. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Print ingress, egress and filtered bandwidth, one line per interval.",
        description = "Prints 'total gigs: in=N out=N filtered=N' (ingress ports' in-octets, egress ports' out-"
                + "octets and their difference, in GB), then every interval 'mbps: in=N out=N filtered=N', "
                + "until interrupted or --count lines of mbps. With several switches each switch has its own "
                + "lines, starting with its name ('edge2: mbps: ...'); one that does not answer is warned about "
                + "and the others' lines still come.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":printed --count lines",
            ExitCodes.USAGE + ":bad command line or configuration",
            ExitCodes.UNREACHABLE + ":the switch could not be reached"
        })
final class StatsCommand implements Callable<Integer> {
    /** Looked up when first used, so that building the command line starts no logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(StatsCommand.class);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    ConfigFile config;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "10",
            description = "seconds between two mbps lines (default: ${DEFAULT-VALUE})")
    double intervalSeconds;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "stop after N mbps lines; 0 (the default) runs until interrupted")
    int count;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.apply(logging);
        Duration interval = interval();
        if (count < 0) {
            throw new IllegalArgumentException("--count (" + count + ") must not be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SwitchAccess access = SwitchAccess.open(config.path())) {
            List<Meter> meters = new ArrayList<>();
            for (SwitchAccess.Target target : access.switches()) {
                meters.add(new Meter(access.prefix(target), target.aclSwitch()::interfaceCounters,
                        new Bandwidth(List.copyOf(target.ports().keySet()), List.copyOf(target.egressPorts().keySet()),
                                interval)));
            }
            if (access.several()) {
                firstReadings(meters, out);
            } else {
                out.println(meters.get(0).bandwidth().totals(meters.get(0).readings().read()));
            }
            out.flush();
            run(meters, interval, count, out);
        }
        return ExitCodes.OK;
    }

    /**
     * The totals line of every switch that answers; one that does not is warned about and gets its
     * totals line when it first answers. Fails only when none answers.
     */
    private static void firstReadings(List<Meter> meters, PrintWriter out) throws SwitchException {
        SwitchException none = null;
        boolean any = false;
        for (Meter meter : meters) {
            try {
                out.println(meter.prefix() + meter.bandwidth().totals(meter.readings().read()));
                any = true;
            } catch (SwitchException e) {
                log().warn("{}no reading: {}", meter.prefix(), e.getMessage());
                if (none == null) {
                    none = e;
                } else {
                    none.addSuppressed(e);
                }
            }
        }
        if (!any && none != null) {
            throw none;
        }
    }

    private Duration interval() {
        if (!(intervalSeconds > 0 && intervalSeconds <= 86_400)) {
            throw new IllegalArgumentException("--interval (" + intervalSeconds + ") must be more than 0 and at most 86400 seconds");
        }
        return Duration.ofNanos(Math.max(1_000_000, Math.round(intervalSeconds * 1e9)));
    }

    /** Reads the interface counters of the switch. */
    @FunctionalInterface
    interface Readings {
        Map<String, InterfaceCounters> read() throws SwitchException;
    }

    /**
     * One switch's figures: its lines start with {@code prefix} ({@code NAME: } with several
     * switches, nothing with one).
     */
    record Meter(String prefix, Readings readings, Bandwidth bandwidth) {
    }

    /** {@link #run(List, Duration, int, PrintWriter)} for one switch. */
    static void run(Readings readings, Bandwidth bandwidth, Duration interval, int count, PrintWriter out)
            throws InterruptedException {
        run(List.of(new Meter("", readings, bandwidth)), interval, count, out);
    }

    /**
     * One line per switch per interval, at a fixed rate, on a scheduler thread, until {@code count}
     * intervals printed a line (0: until interrupted); a failed reading is logged and skipped,
     * whatever it throws, and the other switches' lines still come.
     */
    static void run(List<Meter> meters, Duration interval, int count, PrintWriter out) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger printed = new AtomicInteger();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dumbno-stats");
            thread.setDaemon(true);
            return thread;
        });
        try {
            scheduler.scheduleAtFixedRate(() -> {
                if (count > 0 && printed.get() >= count) {
                    return;
                }
                boolean any = false;
                for (Meter meter : meters) {
                    any |= print(meter, out);
                }
                out.flush();
                if (any && printed.incrementAndGet() == count) {
                    done.countDown();
                }
            }, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
            done.await();
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        }
    }

    /** Prints one switch's line; whether it could. */
    private static boolean print(Meter meter, PrintWriter out) {
        try {
            out.println(meter.prefix() + meter.bandwidth().next(meter.readings().read()));
            return true;
        } catch (SwitchException e) {
            log().warn("{}no reading this interval: {}", meter.prefix(), e.getMessage());
        } catch (Throwable t) {
            Loops.failed(log(), "stats loop", t);
        }
        return false;
    }
}
