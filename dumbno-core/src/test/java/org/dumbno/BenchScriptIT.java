package org.dumbno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./bench} launcher in a fresh checkout, where nothing is built yet: it must say that it
 * builds and go on to build. A Maven that fails on purpose stands in for the build.
 */
@Timeout(60)
class BenchScriptIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void aFreshCheckoutIsBuiltNotLeftSilently(@TempDir Path dir) throws IOException, InterruptedException {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(ROOT.resolve("bench"), checkout.resolve("bench"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho 'stand-in Maven: no build here'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder builder = new ProcessBuilder("bash", checkout.resolve("bench").toString(), "zeek-peer")
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process bench = builder.start();
        String output = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bench.waitFor(30, TimeUnit.SECONDS), "bench ended");

        assertTrue(output.contains("bench: building (first run or sources changed)..."), output);
        assertTrue(output.contains("stand-in Maven: no build here"), output);
        assertEquals(2, bench.exitValue(), output);
    }
}
