package org.dumbno.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.eos.sim.Sleeper;

/**
 * The simulated switch's latency as the test decides: every call that waits blocks until the
 * test opens the gate, however long the latency asked for. A safety limit keeps a forgotten gate
 * from hanging the build.
 */
final class GateSleeper implements Sleeper {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        waiting.incrementAndGet();
        try {
            if (!gate.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("the test never opened the gate");
            }
        } finally {
            released.incrementAndGet();
        }
    }

    /** Lets every waiting call (and every later one) through. */
    void open() {
        gate.countDown();
    }

    /** Calls that reached the wait so far. */
    int waiting() {
        return waiting.get();
    }

    /** Calls that passed or left the wait so far. */
    int released() {
        return released.get();
    }
}
