package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.InterfaceCounters;
import org.junit.jupiter.api.Test;

class BandwidthTest {
    private final Bandwidth bandwidth = new Bandwidth(List.of("Ethernet1", "Ethernet2"), List.of("Ethernet11"),
            Duration.ofSeconds(10));

    private static Map<String, InterfaceCounters> counters(long in1, long in2, long out11) {
        return Map.of("Ethernet1", new InterfaceCounters(in1, 999), "Ethernet2", new InterfaceCounters(in2, 999),
                "Ethernet11", new InterfaceCounters(999, out11));
    }

    @Test
    void totalsAreIngressInEgressOutAndTheirDifferenceInGigabytes() {
        assertEquals("total gigs: in=48213.7 out=41022.9 filtered=7190.8",
                bandwidth.totals(counters(40_000_000_000_000L, 8_213_700_000_000L, 41_022_900_000_000L)));
    }

    @Test
    void ratesAreMegabitsPerSecondOverTheInterval() {
        bandwidth.totals(counters(0, 0, 0));

        assertEquals("mbps: in=2904.6 out=2899.0 filtered=5.6",
                bandwidth.rates(counters(1_815_375_000L, 1_815_375_000L, 3_623_750_000L)));
        assertEquals("mbps: in=0.0 out=0.0 filtered=0.0",
                bandwidth.rates(counters(1_815_375_000L, 1_815_375_000L, 3_623_750_000L)));
    }

    @Test
    void aClearedCounterCountsAsNoTraffic() {
        bandwidth.totals(counters(5_000_000, 0, 5_000_000));

        assertEquals("mbps: in=0.0 out=0.0 filtered=0.0", bandwidth.rates(counters(0, 0, 0)));
        assertEquals("mbps: in=0.8 out=0.8 filtered=0.0", bandwidth.rates(counters(1_000_000, 0, 1_000_000)));
    }

    @Test
    void missingInterfacesCountAsZero() {
        assertEquals("total gigs: in=0.0 out=0.0 filtered=0.0", bandwidth.totals(Map.of()));
    }

    @Test
    void theIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Bandwidth(List.of(), List.of(), Duration.ZERO));
    }
}
