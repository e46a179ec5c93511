package org.dumbno.config;

/** The rules for {@code seq_min} and {@code seq_max}: an odd number must fit strictly between. */
final class SequenceRange {
    private SequenceRange() {
    }

    static void check(int seqMin, int seqMax) {
        if (seqMin < DumbnoSettings.LOWEST_SEQ_MIN) {
            throw field("seq_min", seqMin).fail("must be at least " + DumbnoSettings.LOWEST_SEQ_MIN
                    + " (entries 10-30 are the TCP flag permits)");
        }
        if (seqMax > DumbnoSettings.HIGHEST_SEQ_MAX) {
            throw field("seq_max", seqMax).fail("must be at most " + DumbnoSettings.HIGHEST_SEQ_MAX
                    + " (the final permit entry)");
        }
        if (seqMin >= seqMax) {
            throw field("seq_min", seqMin).fail("must be less than seq_max (" + seqMax + ")");
        }
        if (firstOdd(seqMin) >= seqMax) {
            throw field("seq_min", seqMin).fail("no odd sequence number lies between it and seq_max ("
                    + seqMax + ")");
        }
    }

    /** The smallest odd number greater than {@code seqMin}. */
    static long firstOdd(int seqMin) {
        return seqMin % 2 == 0 ? seqMin + 1L : seqMin + 2L;
    }

    private static Field field(String key, int value) {
        return Field.of(DumbnoSettings.SECTION, key, Integer.toString(value));
    }
}
