package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The INI layer: comments, separators, and files that are not INI at all. */
class IniFileTest {
    @RegisterExtension
    final ConfigFiles files = new ConfigFiles();

    @Test
    void missingFileIsNamed() {
        Path missing = files.dir().resolve("absent.cfg");

        ConfigException e = assertThrows(ConfigException.class, () -> DumbnoConfig.load(missing, Map.of()));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void directoryIsNotReadable() {
        ConfigException e = assertThrows(ConfigException.class, () -> DumbnoConfig.load(files.dir(), Map.of()));
        assertTrue(e.getMessage().startsWith(files.dir() + ": cannot read: "), e.getMessage());
    }

    @Test
    void keysBeforeAnySectionAreRefused() {
        assertEquals(files.prefix() + "not an INI file: ip comes before any [section] line",
                files.failure("ip = 192.0.2.1\n" + ConfigFiles.ARISTA));
    }

    @Test
    void unclosedSectionHeaderIsRefused() {
        assertEquals(files.prefix() + "not an INI file: [switch is not a section header (missing ])",
                files.failure("[switch\nip = 192.0.2.1\n"));
    }

    @Test
    void lineWithoutKeyIsRefused() {
        assertEquals(files.prefix() + "not an INI file: [ports] has a line with no key",
                files.failure(ConfigFiles.DUMMY + "[ports]\n= bulk_1\n"));
    }

    @Test
    void commentsOfBothKindsAnywhere() {
        DumbnoConfig config = files.load("""
                # full-line hash comment
                ; full-line semicolon comment
                [switch]   # after a section
                backend = dummy   # after a value
                [ports]    ; after a section
                Ethernet1 = bulk_1   ; after a value
                """);

        assertEquals(Backend.DUMMY, config.backend());
        assertEquals(Map.of("Ethernet1", "bulk_1"), config.ports());
    }

    @Test
    void colonSeparatesKeyAndValueOutsideTwoTupleHosts() {
        DumbnoConfig config = files.load("[switch]\nbackend: dummy\n[ports]\nEthernet1: bulk_1 ; comment\n");

        assertEquals(Backend.DUMMY, config.backend());
        assertEquals(Map.of("Ethernet1", "bulk_1"), config.ports());
    }

    @Test
    void quotedValuesKeepSemicolons() {
        assertEquals("pa ; ss", files.load("[switch]\nip = 192.0.2.1\nuser = u\npassword = \"pa ; ss\"\n"
                + "[ports]\nEthernet1 = bulk_1\n").switchSettings().password().reveal());
    }

    @Test
    void windowsLineEndingsAndBlankLinesAreFine() {
        DumbnoConfig config = files.load(ConfigFiles.ARISTA.replace("\n", "\r\n\r\n"));

        assertEquals("192.0.2.1", config.switchSettings().host());
    }

    @Test
    void unknownKeysAndSectionsAreLoggedAndIgnored() {
        try (LogCapture logged = LogCapture.of(SectionReader.class, ConfigLoader.class)) {
            DumbnoConfig config = files.load(ConfigFiles.DUMMY + "colour = blue\n[future]\nkey = value\n");

            assertEquals(Backend.DUMMY, config.backend());
            assertEquals(2, logged.messages().size());
            List<String> messages = logged.messages();
            assertTrue(messages.stream().anyMatch(m -> m.contains("[switch] colour: unknown key")), messages::toString);
            assertTrue(messages.stream().anyMatch(m -> m.contains("[future]: unknown section")), messages::toString);
        }
    }

    @Test
    void aPasswordLineWithoutSeparatorIsNeitherLoggedNorReported() {
        try (LogCapture logged = LogCapture.of(SectionReader.class)) {
            String outside = files.failure("password = hunter2\n" + ConfigFiles.ARISTA);
            String inside = files.failure("[switch]\nip = 192.0.2.1\nuser = u\n"
                    + "password hunter2\n[ports]\nEthernet1 = bulk_1\n");

            assertFalse(outside.contains("hunter2"), outside);
            assertTrue(inside.contains("[switch] password = ****: missing"), inside);
            assertFalse(inside.contains("hunter2"), inside);
            assertEquals(1, logged.messages().size());
            assertTrue(logged.messages().stream().noneMatch(m -> m.contains("hunter2")));
        }
    }

    @Test
    void aKeySetTwiceIsRefused() {
        assertEquals(files.prefix() + "[switch] backend = arista: set twice in [switch]",
                files.failure("[switch]\nbackend = dummy\nbackend = arista\n"));
    }
}
