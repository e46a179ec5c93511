package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The packets per second of a shunt, over the last sweep and over the recent ones. */
@Timeout(10)
class PacketRateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theLastSweepAndTheRecentOnes() {
        PacketRate rate = new PacketRate(0, T0);
        assertTrue(rate.lastSweep().isEmpty());

        rate.sample(300, T0.plusSeconds(30));
        rate.sample(900, T0.plusSeconds(60));

        assertEquals(OptionalDouble.of(20.0), rate.lastSweep());
        assertEquals(OptionalDouble.of(15.0), rate.recent());
    }

    @Test
    void theWindowHoldsTheLastFewSweeps() {
        PacketRate rate = new PacketRate(0, T0);
        for (int sweep = 1; sweep <= 10; sweep++) {
            rate.sample(sweep <= 6 ? 3000L * sweep : 18_000, T0.plusSeconds(30L * sweep));
        }

        assertEquals(OptionalDouble.of(0.0), rate.recent(), "the busy sweeps have left the window");
    }

    @Test
    void aCountThatWentDownStartsAgain() {
        PacketRate rate = new PacketRate(0, T0);
        rate.sample(3000, T0.plusSeconds(30));

        rate.sample(10, T0.plusSeconds(60));

        assertTrue(rate.recent().isEmpty());
        rate.sample(40, T0.plusSeconds(90));
        assertEquals(OptionalDouble.of(1.0), rate.recent());
    }

    @Test
    void theFirstCountAloneBehavesAsAnyOther() {
        PacketRate overwritten = new PacketRate(100, T0);
        overwritten.sample(400, T0);
        overwritten.sample(1000, T0.plusSeconds(30));
        assertEquals(OptionalDouble.of(20.0), overwritten.recent(), "a count read at the same time replaces the first");

        PacketRate restarted = new PacketRate(100, T0);
        restarted.sample(10, T0.plusSeconds(30));
        assertTrue(restarted.recent().isEmpty(), "a count that went down starts again");
        restarted.sample(40, T0.plusSeconds(60));
        assertEquals(OptionalDouble.of(1.0), restarted.recent());

        PacketRate forgotten = new PacketRate(100, T0);
        forgotten.forget();
        forgotten.sample(200, T0.plusSeconds(30));
        assertTrue(forgotten.recent().isEmpty(), "the first count was forgotten");
        forgotten.sample(500, T0.plusSeconds(60));
        assertEquals(OptionalDouble.of(10.0), forgotten.recent());
    }

    @Test
    void untrustedCountsAreForgotten() {
        PacketRate rate = new PacketRate(0, T0);
        rate.sample(3000, T0.plusSeconds(30));

        rate.forget();

        assertTrue(rate.lastSweep().isEmpty());
    }

    @Test
    void activeShuntsShowTheRatePerListOverTheLastSweep() throws Exception {
        Harness h = new Harness();
        h.start();
        h.shunt("10.0.0.1", null);
        assertTrue(h.manager.active().get(0).packetsPerSecond().isEmpty(), "no sweep yet");

        h.traffic("Ethernet1", "10.0.0.1", "192.0.2.1", 300);
        h.scheduler.advance(Harness.INTERVAL);
        h.traffic("Ethernet1", "10.0.0.1", "192.0.2.1", 600);
        h.traffic("Ethernet3", "10.0.0.1", "192.0.2.1", 30);
        h.scheduler.advance(Harness.INTERVAL);

        ActiveShunt shunt = h.manager.active().get(0);
        assertEquals(Map.of(new AclKey("bulk_1", Family.IP), 20.0, new AclKey("bulk_2", Family.IP), 1.0),
                shunt.packetRates());
        assertEquals(OptionalDouble.of(21.0), shunt.packetsPerSecond());
    }
}
