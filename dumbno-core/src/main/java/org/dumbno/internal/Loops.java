package org.dumbno.internal;

import org.slf4j.Logger;

/**
 * What a loop does with a {@link Throwable} that reached its top: it logs it, naming the loop, and
 * goes on; an {@link OutOfMemoryError} leaves nothing to trust, so it ends the process with the
 * status the JVM's {@code -XX:+ExitOnOutOfMemoryError} uses.
 */
public final class Loops {
    /** The exit status after an {@link OutOfMemoryError}, as {@code -XX:+ExitOnOutOfMemoryError} ends. */
    public static final int OUT_OF_MEMORY_STATUS = 3;

    private Loops() {
    }

    /**
     * Logs {@code failure}, met by {@code loop} (a name the operator recognizes: {@code purge loop},
     * {@code write lane}); ends the process when it is an {@link OutOfMemoryError}.
     */
    public static void failed(Logger log, String loop, Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            try {
                log.error("{} ran out of memory: ending the process", loop, failure);
            } finally {
                Runtime.getRuntime().halt(OUT_OF_MEMORY_STATUS);
            }
        }
        log.error("{} failed ({}); it keeps running", loop, failure.toString(), failure);
    }

    /** {@code body}, with any {@link Throwable} it throws handed to {@link #failed}. */
    public static Runnable guarded(Logger log, String loop, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failed(log, loop, t);
            }
        };
    }
}
