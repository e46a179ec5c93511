package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes configuration text to a file and loads it, for tests. Registered as an extension
 * ({@code @RegisterExtension final ConfigFiles files = new ConfigFiles();}) it writes into a
 * directory of its own for each test, deleted after it.
 */
final class ConfigFiles implements BeforeEachCallback, AfterEachCallback {
    /** The smallest file the arista backend accepts. */
    static final String ARISTA = """
            [switch]
            ip = 192.0.2.1
            user = dumbno
            password = secret
            [ports]
            Ethernet1 = bulk_1
            """;
    /** The smallest file at all: the dummy backend needs no ports. */
    static final String DUMMY = "[switch]\nbackend = dummy\n";

    private Path dir;

    /** Files in a directory made before each test and deleted after it. */
    ConfigFiles() {
    }

    /** Files in {@code dir}. */
    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("dumbno-config");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The directory the files are written to. */
    Path dir() {
        return dir;
    }

    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DumbnoConfig load(String text) {
        return load(text, Map.of());
    }

    DumbnoConfig load(String text, Map<String, String> environment) {
        return DumbnoConfig.load(write("dumbno.cfg", text), environment);
    }

    /** The message of the failure loading {@code text} from {@code dumbno.cfg}. */
    String failure(String text) {
        return failure(text, Map.of());
    }

    String failure(String text, Map<String, String> environment) {
        Path file = write("dumbno.cfg", text);
        return assertThrows(ConfigException.class, () -> DumbnoConfig.load(file, environment)).getMessage();
    }

    /** The file name as it appears at the start of every message. */
    String prefix() {
        return dir.resolve("dumbno.cfg") + ": ";
    }
}
