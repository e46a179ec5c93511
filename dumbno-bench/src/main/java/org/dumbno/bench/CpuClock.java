package org.dumbno.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** CPU time of threads of this JVM, from the {@link ThreadMXBean}. */
final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    /** CPU nanoseconds this JVM has used, every thread together. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU nanoseconds the calling thread has used. */
    static long thisThread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * CPU nanoseconds used by the threads serving the simulated switch: the eAPI server's workers
     * and the JDK HTTP server's dispatcher.
     */
    static long simulatedSwitch() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && isSwitchThread(info.getThreadName())) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, nanos);
            }
        }
        return total;
    }

    private static boolean isSwitchThread(String name) {
        return name.startsWith("eapi-server") || name.startsWith("HTTP-Dispatcher");
    }
}
