package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls from several threads at once. */
class ConcurrencyTest {
    private static final int THREADS = 6;
    private static final int PER_THREAD = 200;

    @Test
    @Timeout(30)
    void distinctSequenceNumbersFromManyThreadsAllArrive() throws Exception {
        SimulatedSwitch sw = SimulatedSwitch.builder().clock(new ManualClock()).build();
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        long seq = 501 + 2L * (thread * PER_THREAD + i);
                        sw.runCmds(Eos.inAcl("ip", "bulk_1", seq + " deny udp host 10.0." + thread + "." + (i % 250)
                                + " any eq " + (1000 + i)));
                        sw.send("Ethernet1", Flow.of(Protocol.TCP, "10.9.9.9", 1, "10.8.8.8", 2), 1, 100);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<SimulatedEntry> entries = sw.entries("bulk_1", Family.IP);
        Set<Long> expected = new TreeSet<>(List.of(10L, 20L, 30L, 100001L));
        for (int i = 0; i < THREADS * PER_THREAD; i++) {
            expected.add(501 + 2L * i);
        }
        assertEquals(expected, entries.stream().map(SimulatedEntry::sequence).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(THREADS * PER_THREAD, entries.get(entries.size() - 1).packets());
    }

    @Test
    void throwsNothingForAnEmptyCall() throws SwitchException {
        SimulatedSwitch sw = SimulatedSwitch.builder().build();
        assertEquals(List.of(), sw.runCmds(List.of()));
    }
}
