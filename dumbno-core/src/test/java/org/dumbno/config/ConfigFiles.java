package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes configuration text to a file and loads it, for tests. */
final class ConfigFiles {
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

    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
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
