package org.dumbno.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed access to one section of known keys. Keys match in any case, as the original tool's
 * parser lowercased them; an empty value means the key's default. Unknown keys are logged and
 * otherwise ignored, so a file written for a newer version still loads.
 */
final class SectionReader {
    private static final Logger LOG = LoggerFactory.getLogger(SectionReader.class);

    private final String section;
    private final Path baseDir;
    private final Map<String, IniFile.Entry> entries = new LinkedHashMap<>();

    SectionReader(String section, List<IniFile.Entry> lines, Set<String> knownKeys, Path baseDir) {
        this.section = section;
        this.baseDir = baseDir;
        for (IniFile.Entry line : lines) {
            String key = line.key().toLowerCase(Locale.ROOT);
            if (!knownKeys.contains(key)) {
                LOG.warn("[{}] {}: unknown key, ignored", section, firstWord(line.key()));
                continue;
            }
            if (entries.putIfAbsent(key, line) != null) {
                throw field(line).fail("set twice in [" + section + "]");
            }
        }
    }

    /** The section's name as written in its header, without the brackets. */
    String name() {
        return section;
    }

    /** A key up to its first space: a line like {@code password secret} has no separator. */
    private static String firstWord(String key) {
        String[] words = key.split("\\s", 2);
        return words[0];
    }

    private Field field(IniFile.Entry line) {
        return Field.of(section, line.key(), line.value());
    }

    /** The key as written with its value, if it is present with a non-empty value. */
    Optional<Field> field(String key) {
        return Optional.ofNullable(entries.get(key)).filter(line -> !line.value().isEmpty()).map(this::field);
    }

    Optional<String> string(String key) {
        return field(key).map(Field::value);
    }

    int whole(String key, int defaultValue) {
        return field(key).map(SectionReader::whole).orElse(defaultValue);
    }

    static int whole(Field field) {
        String text = field.value();
        if (!text.matches("[+-]?[0-9]+")) {
            throw field.fail("not a whole number");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw field.fail("too large", e);
        }
    }

    Duration seconds(String key, Duration defaultValue) {
        return field(key).map(SectionReader::seconds).orElse(defaultValue);
    }

    static Duration seconds(Field field) {
        String text = field.value();
        if (!text.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) {
            throw field.fail("not a number of seconds");
        }
        BigDecimal nanos = new BigDecimal(text).movePointRight(9);
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
        } catch (ArithmeticException e) {
            throw field.fail("too large", e);
        }
    }

    Duration millis(String key, Duration defaultValue) {
        return field(key).map(f -> Duration.ofMillis(whole(f))).orElse(defaultValue);
    }

    boolean bool(String key, boolean defaultValue) {
        return field(key).map(SectionReader::bool).orElse(defaultValue);
    }

    private static boolean bool(Field field) {
        switch (field.value().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw field.fail("not true or false");
        }
    }

    /** A path; a relative one is taken from the configuration file's directory. */
    Optional<Path> path(String key) {
        return field(key).map(this::path);
    }

    private Path path(Field field) {
        try {
            return baseDir.resolve(field.value()).normalize();
        } catch (InvalidPathException e) {
            throw field.fail("not a file path", e);
        }
    }
}
