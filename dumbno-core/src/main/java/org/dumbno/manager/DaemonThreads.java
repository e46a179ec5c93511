package org.dumbno.manager;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the engine's threads {@code dumbno-manager-N} and makes them daemons. */
final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "dumbno-manager-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
