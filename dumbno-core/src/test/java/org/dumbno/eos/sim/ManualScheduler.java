package org.dumbno.eos.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A scheduler that runs nothing by itself: {@link #advance} moves the clock and runs what falls due. */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ManualClock clock;
    private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>();
    private long order;
    private boolean shutdown;

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** Moves the clock forward task by task, running each as it falls due, then to the end. */
    void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        Task<?> next;
        while ((next = tasks.peek()) != null && !next.due.isAfter(end)) {
            tasks.poll();
            if (next.due.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.due));
            }
            next.runOnce();
        }
        clock.advance(Duration.between(clock.instant(), end));
    }

    int pending() {
        return tasks.size();
    }

    private <V> Task<V> add(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        tasks.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        add(new Task<>(Executors.callable(command), clock.instant(), null));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(Executors.callable(command), at(delay, unit), null));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, at(delay, unit), null));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<>(Executors.callable(command), at(initialDelay, unit),
                Duration.ofNanos(unit.toNanos(period))));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    private Instant at(long delay, TimeUnit unit) {
        return clock.instant().plusNanos(unit.toNanos(delay));
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(tasks);
        tasks.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
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

        Task(Callable<V> callable, Instant due, Duration repeat) {
            super(callable);
            this.due = due;
            this.repeat = repeat;
        }

        void runOnce() {
            if (repeat == null) {
                run();
            } else if (runAndReset()) {
                due = due.plus(repeat);
                tasks.add(this);
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
            tasks.remove(this);
            return super.cancel(interrupt);
        }
    }
}
