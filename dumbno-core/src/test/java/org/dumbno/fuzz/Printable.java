package org.dumbno.fuzz;

import java.nio.charset.StandardCharsets;

/** Datagrams and replies shown in assertion messages, non-printable bytes escaped. */
final class Printable {
    private Printable() {
    }

    static String of(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 400); i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return out.append(bytes.length > 400 ? "..." : "").toString();
    }

    static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether every character is printable ASCII. */
    static boolean isPrintableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
