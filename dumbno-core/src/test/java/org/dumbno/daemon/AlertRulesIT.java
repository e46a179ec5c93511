package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * examples/prometheus/dumbno-rules.yml through {@code promtool check rules}. promtool comes with
 * Debian's {@code prometheus} package, which {@code .ci/run} installs; where it cannot be had the
 * test is skipped, saying so.
 */
class AlertRulesIT {

    static Optional<Path> promtool() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
    }

    @Test
    @Timeout(60)
    void promtoolAcceptsTheAlertRules() throws IOException, InterruptedException {
        Optional<Path> promtool = promtool();
        assumeTrue(promtool.isPresent(), "promtool is not on the PATH (Debian: apt-get install prometheus),"
                + " so the alert rules were not checked");

        Process check = new ProcessBuilder(promtool.get().toString(), "check", "rules",
                ExportedMetricsIT.RULES.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");

        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("SUCCESS"), output);
    }
}
