package org.dumbno.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dumbno.client.FlowRequest;
import org.dumbno.internal.FilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared key that signs requests ({@code [dumbno] secret_file}). It never shows in
 * {@link #toString()}, a log line or an exception message.
 */
public final class SigningKey {
    /** The shortest key accepted, in bytes. */
    public static final int MIN_BYTES = FlowRequest.MIN_KEY_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    private final byte[] key;

    private SigningKey(byte[] key) {
        this.key = key;
    }

    /**
     * A key of these bytes, copied.
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_BYTES} bytes
     */
    public static SigningKey of(byte[] key) {
        if (key == null || key.length < MIN_BYTES) {
            throw new IllegalArgumentException("the secret must be at least " + MIN_BYTES + " bytes long");
        }
        return new SigningKey(key.clone());
    }

    /**
     * The key in {@code file}: its bytes without leading and trailing whitespace (space, tab, CR,
     * LF). Warns when the file is readable by others or by a group other than this process's.
     *
     * @throws IOException when the file cannot be read, is empty or holds fewer than
     *     {@value #MIN_BYTES} bytes
     */
    public static SigningKey load(Path file) throws IOException {
        byte[] content = trim(Files.readAllBytes(file));
        if (content.length == 0) {
            throw new IOException("secret_file " + file + " is empty");
        }
        if (content.length < MIN_BYTES) {
            Arrays.fill(content, (byte) 0);
            throw new IOException("secret_file " + file + " holds fewer than " + MIN_BYTES + " bytes");
        }
        if (isShared(file)) {
            LOG.warn("secret_file {} is readable by others or another group; chmod 600 it"
                    + " (or 640, its group the one dumbno runs as)", file);
        }
        return new SigningKey(content);
    }

    /** Whether others, or a group other than this process's, may read {@code file}. */
    static boolean isShared(Path file) throws IOException {
        return FilePermissions.readableByOthers(file);
    }

    private static byte[] trim(byte[] bytes) {
        int start = 0;
        int end = bytes.length;
        while (start < end && isSpace(bytes[start])) {
            start++;
        }
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        byte[] trimmed = Arrays.copyOfRange(bytes, start, end);
        Arrays.fill(bytes, (byte) 0);
        return trimmed;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** A copy of the key. */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "SigningKey[hidden]";
    }
}
