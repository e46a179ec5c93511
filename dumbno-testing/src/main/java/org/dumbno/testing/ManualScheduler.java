package org.dumbno.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs nothing by itself: {@link #runDue()} runs, in the calling thread, every
 * task due by the manual clock, and {@link #advance} moves the clock and runs what fell due.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ManualClock clock;
    private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>();
    private long order;
    private boolean shutdown;

    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** Runs every task due now, including those the tasks schedule for now. */
    public int runDue() {
        int ran = 0;
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due.isAfter(clock.instant())) {
                    return ran;
                }
                tasks.poll();
            }
            next.runOnce();
            ran++;
        }
    }

    /** Moves the clock forward in steps of the next due task, running tasks as they fall due. */
    public void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        runDue();
        while (true) {
            Instant due;
            synchronized (this) {
                Task<?> next = tasks.peek();
                due = next == null ? null : next.due;
            }
            if (due == null || due.isAfter(end)) {
                break;
            }
            if (due.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), due));
            }
            runDue();
        }
        if (end.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), end));
        }
        runDue();
    }

    public synchronized int pending() {
        return tasks.size();
    }

    private synchronized <V> Task<V> add(Task<V> task) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        tasks.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        add(new Task<>(command, null, clock.instant(), null));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(command, null, at(delay, unit), null));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(null, callable, at(delay, unit), null));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return scheduleWithFixedDelay(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(new Task<>(command, null, at(initialDelay, unit), Duration.ofNanos(unit.toNanos(delay))));
    }

    private Instant at(long delay, TimeUnit unit) {
        return clock.instant().plusNanos(unit.toNanos(delay));
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(tasks);
        tasks.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final Duration repeat;
        private final long seq = order++;
        private Instant due;

        Task(Runnable runnable, Callable<V> callable, Instant due, Duration repeat) {
            super(callable != null ? callable : () -> {
                runnable.run();
                return null;
            });
            this.due = due;
            this.repeat = repeat;
        }

        void runOnce() {
            if (repeat == null) {
                run();
            } else if (runAndReset()) {
                due = clock.instant().plus(repeat);
                synchronized (ManualScheduler.this) {
                    tasks.add(this);
                }
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> that = (Task<?>) other;
            int byDue = due.compareTo(that.due);
            return byDue != 0 ? byDue : Long.compare(seq, that.seq);
        }

        @Override
        public boolean cancel(boolean interrupt) {
            synchronized (ManualScheduler.this) {
                tasks.remove(this);
            }
            return super.cancel(interrupt);
        }
    }
}
