package org.dumbno.bench;

import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.dumbno.eos.SwitchException;
import org.dumbno.eos.Transport;

/**
 * Passes calls through and adds up, per calling thread, the CPU time spent inside them: the
 * simulated switch's own work, which a real switch would do on its own CPU.
 */
final class MeteredTransport implements Transport {
    private final Transport inner;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final ThreadLocal<long[]> spent = ThreadLocal.withInitial(() -> new long[1]);

    MeteredTransport(Transport inner) {
        this.inner = inner;
    }

    /** CPU nanoseconds the current thread spent inside calls so far. */
    long cpuNanosOfThisThread() {
        return spent.get()[0];
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        long before = cpu.getCurrentThreadCpuTime();
        try {
            return inner.runCmds(commands, format);
        } finally {
            spent.get()[0] += cpu.getCurrentThreadCpuTime() - before;
        }
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
