package org.dumbno.daemon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.slf4j.MDC;

/**
 * The threads of one switch's engine when a daemon has several: named after the switch, and with
 * the switch's name under {@link EverySwitch#LOG_KEY} in the logging context, so that a log line the engine
 * writes ({@code op=ADD ...}) can say which switch it is about.
 */
final class EngineThreads {
    /** Threads per engine, as the engine takes by default. */
    private static final int THREADS = ACLManager.Builder.DEFAULT_THREADS;

    private EngineThreads() {
    }

    /** A scheduler for the engine of switch {@code name}; shut it down once the engine is closed. */
    static ScheduledExecutorService scheduler(String name) {
        ThreadFactory named = DaemonThreads.named("dumbno-manager-" + name);
        return Executors.newScheduledThreadPool(THREADS, task -> named.newThread(() -> {
            MDC.put(EverySwitch.LOG_KEY, name);
            task.run();
        }));
    }
}
