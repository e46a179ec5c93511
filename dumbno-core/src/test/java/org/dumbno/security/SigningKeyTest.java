package org.dumbno.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the shared key without ever showing it. */
class SigningKeyTest {
    private static final String KEY = "s3cr3t-k3y-of-32-bytes-for-tests";
    private static final int NOGROUP = 65534;

    @TempDir
    Path dir;

    private Path file(String content, String permissions) throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void theKeyIsTheFileWithoutSurroundingWhitespace() throws IOException {
        SigningKey secret = SigningKey.load(file(" \t" + KEY + "\r\n\n", "rw-------"));

        assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), secret.bytes());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = file(" \n", "rw-------");

        IOException e = assertThrows(IOException.class, () -> SigningKey.load(file));

        assertEquals("secret_file " + file + " is empty", e.getMessage());
    }

    @Test
    void aShortKeyIsRefusedWithoutShowingIt() throws IOException {
        Path file = file("tooshort-123456\n", "rw-------");

        IOException e = assertThrows(IOException.class, () -> SigningKey.load(file));

        assertEquals("secret_file " + file + " holds fewer than 16 bytes", e.getMessage());
        assertFalse(e.getMessage().contains("tooshort"));
    }

    @Test
    void sixteenBytesAreEnough() throws IOException {
        assertEquals(16, SigningKey.load(file("exactly16bytes!!", "rw-------")).bytes().length);
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThrows(IOException.class, () -> SigningKey.load(dir.resolve("absent")));
    }

    @Test
    void aFileOthersCanReadIsNoticed() throws IOException {
        assertTrue(SigningKey.isShared(file(KEY, "rw-r--r--")));
        assertFalse(SigningKey.isShared(file(KEY, "rw-------")));
    }

    /** As the package installs the configuration: 0640, its group the one the service runs as. */
    @Test
    void theGroupThisProcessRunsAsMayRead() throws IOException {
        assertFalse(SigningKey.isShared(file(KEY, "rw-r-----")));
    }

    @Test
    void anotherGroupThatMayReadIsNoticed() throws IOException {
        Path file = file(KEY, "rw-r-----");
        int own = (Integer) Files.getAttribute(file, "unix:gid");
        try {
            Files.setAttribute(file, "unix:gid", own == NOGROUP ? NOGROUP - 1 : NOGROUP);
        } catch (IOException e) {
            Assumptions.abort("only root may give the file another group here: " + e);
        }
        assertTrue(SigningKey.isShared(file));
    }

    @Test
    void theKeyNeverShowsInToString() throws IOException {
        SigningKey secret = SigningKey.load(file(KEY, "rw-------"));

        assertFalse(secret.toString().contains(KEY));
        assertFalse(secret.toString().contains("s3cr3t"));
    }

    @Test
    void theKeyIsCopiedInAndOut() {
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        SigningKey secret = SigningKey.of(key);
        key[0] = 'X';
        secret.bytes()[1] = 'Y';

        assertArrayEquals(KEY.getBytes(StandardCharsets.UTF_8), secret.bytes());
    }

    @Test
    void aShortKeyIsRefusedInMemoryToo() {
        assertThrows(IllegalArgumentException.class, () -> SigningKey.of(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.of(null));
    }
}
