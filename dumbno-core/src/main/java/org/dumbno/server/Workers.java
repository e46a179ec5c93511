package org.dumbno.server;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dumbno.internal.DaemonThreads;

/** The executor requests are handled on: the caller's, or the server's own, shut down with it. */
final class Workers implements AutoCloseable {
    /** Threads of the server's own pool: decoding is cheap, the engine answers asynchronously. */
    static final int DEFAULT_THREADS = 2;

    private final Executor executor;
    private final ExecutorService owned;

    private Workers(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    static Workers of(Executor given) {
        if (given != null) {
            return new Workers(given, null);
        }
        ExecutorService own = Executors.newFixedThreadPool(DEFAULT_THREADS, DaemonThreads.named("dumbno-udp-worker"));
        return new Workers(own, own);
    }

    Executor executor() {
        return executor;
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        owned.shutdown();
        try {
            owned.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
