package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dumbno serve} as its own process, sent SIGHUP: it reads its configuration again and keeps
 * serving (a good file applied, a bad one refused in one line), and SIGTERM still ends it with 0.
 */
@Timeout(120)
class HangupIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private Process serve;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.destroyForcibly();
        }
    }

    @Test
    void sighupReloadsGoodAndRefusesBadAndSigtermStillEndsWithZero() throws Exception {
        String template = RunningDaemon.TEMPLATE.replace(":UDP", ":0").replace(":EAPI", ":0");
        Path config = Files.writeString(dir.resolve("dumbno.cfg"), template.replace("%EXTRA%", "max_rules = 10"));
        Path jar = Path.of(System.getProperty("user.dir")).resolve("target/dumbno.jar");
        serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", config.toString()).redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "serve-output");
        reader.setDaemon(true);
        reader.start();
        awaitLine("dumbno listening on");

        Files.writeString(config, template.replace("%EXTRA%", "max_rules = 20")
                .replace("\nlisten = 127.0.0.1:0", "\nlisten = 127.0.0.1:1"));
        hangup();
        String applied = awaitLine("SIGHUP:");
        assertTrue(applied.contains("applied: [dumbno] max_rules"), applied);
        assertTrue(awaitLine("not applied until a restart").contains("[dumbno] listen"));

        Files.writeString(config, template.replace("%EXTRA%", "max_rules = many"));
        hangup();
        String refused = awaitLine("SIGHUP:");
        assertTrue(refused.contains("refused, the running configuration is kept") && refused.contains("max_rules"),
                refused);
        assertTrue(serve.isAlive(), "SIGHUP did not end dumbno");

        serve.destroy();
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "SIGTERM did not end dumbno");
        assertEquals(0, serve.exitValue());
    }

    private void hangup() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(serve.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output ended: " + e + ")");
        }
    }

    /** The next line containing {@code fragment}, within {@link #WAIT}; earlier lines are passed over. */
    private String awaitLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.contains(fragment)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("no line with '" + fragment + "' within " + WAIT + "; seen:\n" + seen);
    }
}
