package org.dumbno.cli;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dumbno.cli.plot.BandwidthChart;
import org.dumbno.cli.plot.StatsLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dumbno plot}: draws the output of {@code dumbno stats} as a bandwidth chart in a PNG. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        header = "Draw the output of 'dumbno stats' as a PNG chart.",
        description = {
            "Draws ingress, egress and filtered Mbit/s from the output of 'dumbno stats' to a PNG.",
            "Lines may start with an ISO-8601 timestamp; other lines are ignored."
        })
final class PlotCommand implements Callable<Integer> {
    private static final double MAX_INTERVAL_SECONDS = 86_400;

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "STATS_LOG", description = "Output of 'dumbno stats', or - for standard input.")
    Path statsLog;

    @Option(names = {"-o", "--output"}, paramLabel = "PNG", defaultValue = "bandwidth.png",
            description = "The image to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1200",
            description = "Image width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "600",
            description = "Image height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--title", paramLabel = "TITLE", defaultValue = BandwidthChart.DEFAULT_TITLE,
            description = "Chart title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "1",
            description = "Seconds between lines, for logs without timestamps (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--switch", paramLabel = "NAME",
            description = "Of the stats of several switches, plot the lines of this one (those after 'NAME: ').")
    String switchName;

    @Override
    public Integer call() {
        Logging.apply(logging);
        BandwidthChart chart = new BandwidthChart(title, width, height);
        Duration interval = interval();
        PrintWriter err = spec.commandLine().getErr();
        StatsLog log;
        try (Reader in = new InputStreamReader(open(), StandardCharsets.UTF_8)) {
            log = StatsLog.read(in, interval, Optional.ofNullable(switchName));
        } catch (IOException e) {
            err.println("dumbno: " + statsLog + ": cannot read: " + describe(e));
            return ExitCodes.FAILED;
        }
        if (log.isEmpty()) {
            err.println("dumbno: " + statsLog + ": no \"" + (switchName == null ? "" : switchName + ": ")
                    + "mbps:\" lines found");
            return ExitCodes.FAILED;
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
            chart.writePng(log, out);
        } catch (IOException e) {
            err.println("dumbno: " + output + ": cannot write: " + describe(e));
            return ExitCodes.FAILED;
        }
        spec.commandLine().getOut().println("wrote " + output + " (" + log.samples().size() + " samples)");
        return ExitCodes.OK;
    }

    private InputStream open() throws IOException {
        if ("-".equals(statsLog.toString())) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for whoever owns it
                }
            };
        }
        return Files.newInputStream(statsLog);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    private Duration interval() {
        if (!(intervalSeconds > 0 && intervalSeconds <= MAX_INTERVAL_SECONDS)) {
            throw new IllegalArgumentException(
                    "--interval (" + intervalSeconds + ") must be more than 0 and at most " + MAX_INTERVAL_SECONDS);
        }
        return Duration.ofNanos(Math.round(intervalSeconds * 1e9));
    }
}
