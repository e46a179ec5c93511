package org.dumbno.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What was built: the project version, and the commit it was built from when the build ran in a git
 * checkout ({@code unknown} otherwise). Read from resources the build writes beside this class.
 *
 * @param version e.g. {@code 1.0.0-SNAPSHOT}
 * @param revision the abbreviated commit id, or {@code unknown}
 */
record BuildInfo(String version, String revision) {
    static final String UNKNOWN = "unknown";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(revision, "revision");
    }

    /** This build's. */
    static BuildInfo current() {
        return new BuildInfo(readVersion(), readRevision());
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", UNKNOWN).strip();
        return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    }

    /** The first line of {@code revision}, which {@code git rev-parse} wrote, when it is a commit id. */
    private static String readRevision() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("revision")) {
            if (in == null) {
                return UNKNOWN;
            }
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line != null && COMMIT.matcher(line.strip()).matches() ? line.strip() : UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
