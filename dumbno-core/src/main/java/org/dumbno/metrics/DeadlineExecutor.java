package org.dumbno.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.dumbno.internal.DaemonThreads;

/**
 * The metrics server's threads: a fixed number of them, and none busy with one exchange for longer
 * than a deadline. The JDK's HTTP server reads a request on the thread that runs its exchange, with
 * no timeout of its own, so a client that connects and sends nothing (or half a request) would hold
 * a thread for as long as it likes; past the deadline the thread is interrupted, which closes the
 * connection it was reading from and frees it for the next scrape.
 */
final class DeadlineExecutor extends ThreadPoolExecutor {
    /** Threads serving exchanges at once. */
    static final int THREADS = 16;
    /** The longest one exchange may take, reading the request included. */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    private final Map<Thread, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dumbno-metrics-deadline"));
    private final long deadlineNanos;

    private record Running(Runnable task, long since) {
    }

    DeadlineExecutor(Duration deadline) {
        super(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), DaemonThreads.named("dumbno-metrics-http"));
        this.deadlineNanos = deadline.toNanos();
        long check = Math.max(1, deadlineNanos / 4);
        watchdog.scheduleWithFixedDelay(this::interruptOverdue, check, check, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        running.put(thread, new Running(task, System.nanoTime()));
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        running.remove(Thread.currentThread());
        Thread.interrupted();
    }

    private void interruptOverdue() {
        long now = System.nanoTime();
        running.forEach((thread, task) -> {
            if (now - task.since() > deadlineNanos && running.get(thread) == task) {
                thread.interrupt();
            }
        });
    }

    @Override
    protected void terminated() {
        watchdog.shutdownNow();
    }
}
