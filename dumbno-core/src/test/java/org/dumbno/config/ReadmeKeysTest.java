package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** README.md's table of each section lists exactly the keys the section reader accepts. */
class ReadmeKeysTest {

    static Stream<Arguments> sections() {
        return Stream.of(
                Arguments.of("switch", SwitchSection.KEYS),
                Arguments.of("dumbno", DumbnoSection.KEYS),
                Arguments.of("simulated", SimulatedSection.KEYS),
                Arguments.of("zeek", ZeekSection.KEYS));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("sections")
    void everyKeyIsDocumented(String section, Set<String> keys) throws IOException {
        assertEquals(new TreeSet<>(keys), documentedKeys(readme(), section));
    }

    /** The first cells of the table under the heading that starts with {@code ### `[section]`}. */
    private static Set<String> documentedKeys(List<String> lines, String section) {
        String heading = "### `[" + section + "]`";
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith(heading)).findFirst()
                .orElseGet(() -> fail("README.md has no heading " + heading)));
        Set<String> keys = new TreeSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (line.startsWith("| `")) {
                keys.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        return keys;
    }

    private static List<String> readme() throws IOException {
        for (Path at = Path.of(System.getProperty("user.dir")).toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("README.md")) && Files.isDirectory(at.resolve("dumbno-core"))) {
                return Files.readAllLines(at.resolve("README.md"));
            }
        }
        return fail("no README.md beside dumbno-core above " + System.getProperty("user.dir"));
    }
}
