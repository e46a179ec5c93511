package org.dumbno.eos.sim;

import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text built straight into UTF-8 bytes, for a show of thousands of entries: no string of the
 * whole to copy and encode again. The caller writes the structure; strings that need escaping are
 * escaped by Gson.
 */
final class JsonBuffer {
    private byte[] bytes;
    private int size;

    JsonBuffer(int capacity) {
        this.bytes = new byte[Math.max(capacity, 16)];
    }

    /** Appends text known to be printable ASCII (punctuation, keys, a {@linkplain #isPlain plain} string). */
    @SuppressWarnings("deprecation") // copies the low byte of each char: exact for ASCII, and no copy in between
    JsonBuffer ascii(String text) {
        ensure(text.length());
        text.getBytes(0, text.length(), bytes, size);
        size += text.length();
        return this;
    }

    JsonBuffer number(long value) {
        if (value < 0) {
            return ascii(Long.toString(value));
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        long rest = value;
        for (int at = size + digits - 1; at >= size; at--) {
            bytes[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += digits;
        return this;
    }

    JsonBuffer bool(boolean value) {
        return ascii(value ? "true" : "false");
    }

    /** Appends {@code value} as a JSON string: as it is when {@code plain}, else escaped by Gson. */
    JsonBuffer string(String value, boolean plain) {
        if (plain) {
            ensure(value.length() + 2);
            bytes[size++] = '"';
            ascii(value);
            bytes[size++] = '"';
            return this;
        }
        byte[] escaped = new JsonPrimitive(value).toString().getBytes(StandardCharsets.UTF_8);
        ensure(escaped.length);
        System.arraycopy(escaped, 0, bytes, size, escaped.length);
        size += escaped.length;
        return this;
    }

    /** Appends the three pieces as one JSON string; each must be {@linkplain #isPlain plain}. */
    JsonBuffer plainString(String first, String second, String third) {
        ensure(first.length() + second.length() + third.length() + 2);
        bytes[size++] = '"';
        ascii(first).ascii(second).ascii(third);
        bytes[size++] = '"';
        return this;
    }

    /** Whether {@code value} is printable ASCII without a quote or a backslash: a JSON string as it is. */
    static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
