package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PasswordTest {
    private static final String HEAD = "[switch]\nip = 192.0.2.1\nuser = dumbno\n";
    private static final String PORTS = "[ports]\nEthernet1 = bulk_1\n";
    private static final String SECRET = "s3cr3t-Value";

    @RegisterExtension
    final ConfigFiles files = new ConfigFiles();
    @RegisterExtension
    private final LogCapture logged = LogCapture.of(Passwords.class);

    private Secret password(String lines, Map<String, String> environment) {
        return files.load(HEAD + lines + PORTS, environment).switchSettings().password();
    }

    @Test
    void passwordInTheFile() {
        assertEquals(SECRET, password("password = " + SECRET + "\n", Map.of()).reveal());
    }

    @Test
    void passwordKeepsSemicolonsAndHashesNotPrecededBySpace() {
        assertEquals("a;b#c", password("password = a;b#c\n", Map.of()).reveal());
    }

    @Test
    void passwordFileGivesItsFirstLineTrimmed() {
        files.write("eapi.pass", "  " + SECRET + "  \nsecond line\n");

        assertEquals(SECRET, password("password_file = eapi.pass\n", Map.of()).reveal());
    }

    @Test
    void passwordFileMayBeAbsolute() {
        Path file = files.write("eapi.pass", SECRET + "\n");

        assertEquals(SECRET, password("password_file = " + file.toAbsolutePath() + "\n", Map.of()).reveal());
    }

    @Test
    void environmentVariableWhenTheFileNamesNone() {
        Map<String, String> environment = Map.of(DumbnoConfig.PASSWORD_VARIABLE, SECRET);

        assertEquals(SECRET, password("", environment).reveal());
    }

    @Test
    void theFileWinsOverTheEnvironment() {
        Map<String, String> environment = Map.of(DumbnoConfig.PASSWORD_VARIABLE, "other");

        assertEquals(SECRET, password("password = " + SECRET + "\n", environment).reveal());
    }

    @Test
    void missingPasswordForAristaSaysWhereOneMayCome() {
        assertEquals(files.prefix() + "[switch] password = ****: missing: set password, password_file or the "
                + "DUMBNO_EAPI_PASSWORD environment variable", files.failure(HEAD + PORTS));
    }

    @Test
    void passwordAndPasswordFileTogetherAreRefused() {
        String message = files.failure(HEAD + "password = " + SECRET + "\npassword_file = eapi.pass\n" + PORTS);

        assertEquals(files.prefix()
                + "[switch] password_file = eapi.pass: set either password or password_file, not both", message);
    }

    @Test
    void unreadablePasswordFileIsNamed() {
        String message = files.failure(HEAD + "password_file = missing.pass\n" + PORTS);

        assertEquals(files.prefix() + "[switch] password_file = missing.pass: cannot read it (NoSuchFileException)",
                message);
    }

    @Test
    void emptyPasswordFileIsRefused() {
        files.write("eapi.pass", "\n" + SECRET + "\n");

        assertEquals(files.prefix() + "[switch] password_file = eapi.pass: its first line is empty",
                files.failure(HEAD + "password_file = eapi.pass\n" + PORTS));
    }

    @Test
    void passwordNeverAppearsInToString() {
        DumbnoConfig config = files.load(HEAD + "password = " + SECRET + "\n" + PORTS);

        assertFalse(config.toString().contains(SECRET), config.toString());
        assertTrue(config.switchSettings().toString().contains("password=****"));
        assertFalse(config.simulated().toString().contains("password=dumbno"));
    }

    @Test
    void passwordNeverAppearsInAnException() {
        String message = files.failure(HEAD + "password = " + SECRET + "\ntimeout = x\n" + PORTS);

        assertFalse(message.contains(SECRET), message);
    }

    @Test
    void passwordSetTwiceIsRefusedWithoutShowingIt() {
        String message = files.failure(HEAD + "password = " + SECRET + "\nPassword = " + SECRET + "\n" + PORTS);

        assertEquals(files.prefix() + "[switch] Password = ****: set twice in [switch]", message);
    }

    @Test
    void warnsWhenOthersCanReadThePasswordFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = files.write("eapi.pass", SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        password("password_file = eapi.pass\n", Map.of());

        assertEquals(1, logged.messages().size());
        String warning = logged.messages().get(0);
        assertTrue(warning.contains("eapi.pass") && warning.contains("chmod 600"), warning);
        assertFalse(warning.contains(SECRET));
    }

    @Test
    void quietWhenOnlyTheOwnerCanRead() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path config = files.write("dumbno.cfg", HEAD + "password = " + SECRET + "\n" + PORTS);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        DumbnoConfig.load(config, Map.of());

        assertTrue(logged.messages().isEmpty(), () -> logged.lines().toString());
    }

    @Test
    void warnsWhenTheConfigFileHoldingThePasswordIsShared() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path config = files.write("dumbno.cfg", HEAD + "password = " + SECRET + "\n" + PORTS);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-r--"));

        DumbnoConfig.load(config, Map.of());

        assertEquals(1, logged.messages().size());
        assertTrue(logged.messages().get(0).contains("dumbno.cfg"));
    }

    @Test
    void warnsOnceForAConfigFileHoldingThePasswordsOfSeveralSwitches() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path passwordFile = files.write("eapi.pass", SECRET + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        Path config = files.write("dumbno.cfg", HEAD + "password = " + SECRET + "\n" + PORTS
                + "[switch edge2]\nip = 192.0.2.2\nuser = dumbno\npassword = " + SECRET + "\n[ports edge2]\nEthernet1 = bulk_1\n"
                + "[switch edge3]\nip = 192.0.2.3\nuser = dumbno\npassword_file = eapi.pass\n[ports edge3]\nEthernet1 = bulk_1\n"
                + "[switch edge4]\nip = 192.0.2.4\nuser = dumbno\npassword_file = eapi.pass\n[ports edge4]\nEthernet1 = bulk_1\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-r--"));

        DumbnoConfig.load(config, Map.of());

        assertEquals(2, logged.messages().size(), () -> logged.lines().toString());
        assertTrue(logged.messages().get(0).contains("dumbno.cfg"), logged.messages().get(0));
        assertTrue(logged.messages().get(1).contains("eapi.pass"), logged.messages().get(1));
    }
}
