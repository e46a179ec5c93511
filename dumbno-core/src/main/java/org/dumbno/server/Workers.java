package org.dumbno.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.dumbno.internal.DaemonThreads;

/**
 * The executor requests are handled on: the caller's, or the server's own, shut down with it. The
 * own pool holds a bounded number of datagrams waiting for a thread and rejects the rest, so a flood
 * is answered busy instead of filling the heap.
 */
final class Workers implements AutoCloseable {
    /** Threads of the server's own pool: decoding is cheap, the engine answers asynchronously. */
    static final int DEFAULT_THREADS = 2;

    private final Executor executor;
    private final ExecutorService owned;

    private Workers(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /**
     * @param given the caller's executor, or null for the server's own pool
     * @param queueCapacity how many datagrams the own pool holds waiting for a thread
     */
    static Workers of(Executor given, int queueCapacity) {
        if (given != null) {
            return new Workers(given, null);
        }
        ExecutorService own = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), DaemonThreads.named("dumbno-udp-worker"),
                new ThreadPoolExecutor.AbortPolicy());
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
