package org.dumbno.fuzz;

import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The seed of a fuzz run: taken from the system property {@value #PROPERTY} when set, otherwise
 * fresh, and printed either way so that a failure reproduces with {@code -D}{@value #PROPERTY}.
 */
final class Seeds {
    static final String PROPERTY = "dumbno.fuzz.seed";

    private Seeds() {
    }

    /** The seed for {@code test}, printed with the way to run it again. */
    static long seed(String test) {
        String given = System.getProperty(PROPERTY);
        long seed = given == null || given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given.strip());
        System.out.println(test + ": fuzz seed " + seed + " (rerun with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }

    /** An integer system property, or {@code fallback} when it is not set. */
    static int count(String property, int fallback) {
        String given = System.getProperty(property);
        return given == null || given.isBlank() ? fallback : Integer.parseInt(given.strip());
    }

    /** How a failure names a datagram: its seed, number, kind and bytes. */
    static String describe(long seed, String where, Datagram datagram) {
        byte[] bytes = datagram.bytes();
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 400));
        return "seed " + seed + ", " + where + " (" + datagram.kind() + ", expect "
                + datagram.expect() + ", " + bytes.length + " bytes): " + Printable.of(bytes)
                + " [hex " + hex + (bytes.length > 400 ? "..." : "") + "]";
    }
}
