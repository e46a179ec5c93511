package org.dumbno.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dumbno.internal.FilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the eAPI password comes from: {@code password} in the file, else the first line of
 * {@code password_file}, else the {@value DumbnoConfig#PASSWORD_VARIABLE} environment variable.
 * A file holding a secret that group or others can read is worth a warning, once per file however
 * many switches take their password from it.
 */
final class Passwords {
    private static final Logger LOG = LoggerFactory.getLogger(Passwords.class);

    private Passwords() {
    }

    /**
     * The password of a switch section.
     *
     * @param warned the files a warning was logged for while loading this configuration: added to,
     *     and not warned of again
     */
    static Secret resolve(SectionReader section, Path configFile, Map<String, String> environment, Set<Path> warned) {
        Optional<String> inline = section.string("password");
        Optional<Field> fileField = section.field("password_file");
        if (inline.isPresent() && fileField.isPresent()) {
            throw fileField.get().fail("set either password or password_file, not both");
        }
        if (inline.isPresent()) {
            warnOnce(configFile, warned);
            return Secret.of(inline.get());
        }
        if (fileField.isPresent()) {
            return fromFile(fileField.get(), section.path("password_file").orElseThrow(), warned);
        }
        String fromEnvironment = environment.get(DumbnoConfig.PASSWORD_VARIABLE);
        return fromEnvironment == null ? Secret.empty() : Secret.of(fromEnvironment.strip());
    }

    private static Secret fromFile(Field field, Path file, Set<Path> warned) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw field.fail("cannot read it (" + e.getClass().getSimpleName() + ")", e);
        }
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        if (first.isEmpty()) {
            throw field.fail("its first line is empty");
        }
        warnOnce(file, warned);
        return Secret.of(first);
    }

    private static void warnOnce(Path file, Set<Path> warned) {
        if (warned.add(file.toAbsolutePath().normalize())) {
            warnIfShared(file, "the eAPI password");
        }
    }

    /**
     * Logs a warning when others, or a group other than dumbno's own, may read {@code file}; silent
     * where POSIX permissions do not exist.
     */
    static void warnIfShared(Path file, String holding) {
        try {
            if (FilePermissions.readableByOthers(file)) {
                LOG.warn("{} holds {} and can be read by others or another group; chmod 600 it"
                        + " (or 640, its group the one dumbno runs as)", file, holding);
            }
        } catch (IOException e) {
            LOG.debug("cannot read the permissions of {}", file, e);
        }
    }
}
