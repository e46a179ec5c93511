package org.dumbno.fuzz;

import java.util.SplittableRandom;

/** IPv6 text in the spellings sensors use: full, zero-padded, or with one run of zeros as {@code ::}. */
final class Ipv6Text {
    private Ipv6Text() {
    }

    /** Text for {@code groups} (6 groups for a mixed address's head, else 8), spelled at random. */
    static String of(SplittableRandom random, int[] groups) {
        int style = random.nextInt(4);
        boolean padded = style == 1;
        if (style < 2) {
            return join(groups, 0, groups.length, padded);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestLength == 0) {
            return join(groups, 0, groups.length, padded);
        }
        return join(groups, 0, bestStart, padded) + "::" + join(groups, bestStart + bestLength, groups.length, padded);
    }

    private static String join(int[] groups, int from, int to, boolean padded) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(':');
            }
            String hex = Integer.toHexString(groups[i]);
            out.append(padded ? "0".repeat(4 - hex.length()) : "").append(hex);
        }
        return out.toString();
    }
}
