package org.dumbno.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.Await;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BandwidthPollTest {
    private static final Map<String, String> PORTS = Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_1");
    private static final Map<String, String> EGRESS = Map.of("Ethernet11", "tool1");
    private static final long MEGABIT = 125_000;

    private final ManualClock clock = new ManualClock();
    private final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").egress("Ethernet11-12")
            .clock(clock).build();
    private final EosSwitch eos = EosSwitch.of(sim, PORTS);
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final DumbnoMetrics metrics = new DumbnoMetrics(registry);
    private final BandwidthPoll poll = metrics.bandwidthPoll(eos, PORTS, EGRESS);

    private double value(String name) {
        return Exposition.of(registry).value(name, "switch", "main");
    }

    @Test
    void theFirstPollOnlySetsTheBaseline() throws SwitchException {
        sim.advanceCounters("Ethernet1", 50 * MEGABIT, 0);

        poll.poll();

        assertEquals(0, value("dumbno_ingress_bytes_total"));
        assertEquals(0, value("dumbno_egress_bytes_total"));
    }

    @Test
    void ingressAndEgressAreCountedInBytes() throws SwitchException {
        poll.poll();
        sim.advanceCounters("Ethernet1", 300 * MEGABIT, 7 * MEGABIT);
        sim.advanceCounters("Ethernet2", 100 * MEGABIT, 0);
        sim.advanceCounters("Ethernet11", 9 * MEGABIT, 150 * MEGABIT);
        sim.advanceCounters("Ethernet12", 0, 1000 * MEGABIT);
        clock.advance(Duration.ofSeconds(10));

        poll.poll();

        assertEquals(400 * MEGABIT, value("dumbno_ingress_bytes_total"));
        assertEquals(150 * MEGABIT, value("dumbno_egress_bytes_total"));
    }

    @Test
    void trafficThroughTheSwitchShowsAsIngress() throws SwitchException {
        poll.poll();
        sim.send("Ethernet1", Flow.of(Protocol.TCP, "10.1.2.3", 51234, "192.0.2.9", 443), 1000, 20 * MEGABIT);
        clock.advance(Duration.ofSeconds(2));

        poll.poll();

        assertEquals(20 * MEGABIT, value("dumbno_ingress_bytes_total"));
    }

    @Test
    void aClearedCounterCountsFromZeroAndAMissingInterfaceIsLeftOut() throws SwitchException {
        CountersTransport counters = new CountersTransport();
        PrometheusRegistry own = new PrometheusRegistry();
        BandwidthPoll cleared = new DumbnoMetrics(own).bandwidthPoll(EosSwitch.of(counters, PORTS), PORTS, EGRESS);
        counters.set("Ethernet1", 1000 * MEGABIT, 0).set("Ethernet2", 0, 0).set("Ethernet11", 0, 500 * MEGABIT);
        cleared.poll();
        counters.set("Ethernet1", 10 * MEGABIT, 0).remove("Ethernet2").set("Ethernet11", 0, 505 * MEGABIT);

        cleared.poll();

        Exposition scrape = Exposition.of(own);
        assertEquals(10 * MEGABIT, scrape.value("dumbno_ingress_bytes_total", "switch", "main"));
        assertEquals(5 * MEGABIT, scrape.value("dumbno_egress_bytes_total", "switch", "main"));
    }

    @Test
    void aFailedReadIsSkippedAndTheNextCoversTheWholeTime() throws SwitchException {
        poll.poll();
        sim.advanceCounters("Ethernet1", 30 * MEGABIT, 0);
        sim.failNextCalls(1);

        poll.run();
        assertThrows(SwitchException.class, () -> {
            sim.failNextCalls(1);
            poll.poll();
        });
        assertEquals(0, value("dumbno_ingress_bytes_total"));
        poll.run();

        assertEquals(30 * MEGABIT, value("dumbno_ingress_bytes_total"));
    }

    @Test
    @Timeout(10)
    void theScheduledPollKeepsRunningAfterAFailureAndStopsOnClose() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            DumbnoMetrics scheduled = new DumbnoMetrics(new PrometheusRegistry());
            sim.failNextCalls(2);
            long before = sim.calls();
            ScheduledFuture<?> future = scheduled.startBandwidthPoll(eos, PORTS, EGRESS, Duration.ofMillis(5),
                    scheduler, clock);

            assertTrue(await(() -> sim.calls() >= before + 4), "the poll ran again after failing");
            scheduled.close();
            assertTrue(future.isCancelled());
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void rejectsANonPositiveInterval() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            assertThrows(IllegalArgumentException.class, () -> metrics.startBandwidthPoll(eos, PORTS, EGRESS,
                    Duration.ZERO, scheduler, clock));
        } finally {
            scheduler.shutdownNow();
        }
    }

    static boolean await(BooleanSupplier condition) {
        return Await.until(condition, Duration.ofSeconds(5));
    }
}
