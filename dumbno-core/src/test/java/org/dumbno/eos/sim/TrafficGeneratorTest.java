package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Demo traffic: background on every ingress port, and an elephant per deny entry for a while. */
class TrafficGeneratorTest {
    private static final List<String> INGRESS = List.of("Ethernet1", "Ethernet2", "Ethernet3");
    private static final long ELEPHANT_BYTES_PER_TICK = TrafficGenerator.ELEPHANT_BITS_PER_SECOND / 8;

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-3").egress("Ethernet11")
            .clock(clock).build();
    private final TrafficGenerator traffic = new TrafficGenerator(sw, INGRESS, clock, new SplittableRandom(7));

    @BeforeEach
    void setUp() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1", "Ethernet2"));
        sw.runCmds(Eos.setup("bulk_2", "Ethernet3"));
        traffic.start(scheduler);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ip|501 deny tcp host 10.1.2.3 eq 40000 host 192.0.2.9 eq 443",
        "ip|503 deny ip host 10.1.2.3 host 192.0.2.50",
        "ip|505 deny udp any eq 53 host 192.0.2.9",
        "ip|507 deny icmp 198.51.100.0/24 any",
        "ipv6|501 deny tcp host 2001:db8::1 host 2001:db8::2 eq 22",
        "ipv6|503 deny ipv6 host 2001:db8::50 host 2001:db8::9"})
    void shuntedFlowMovesItsCounterWhileAliveThenGoesIdle(String spec) throws SwitchException {
        String[] parts = spec.split("\\|");
        Family family = parts[0].equals("ip") ? Family.IP : Family.IPV6;
        long seq = Long.parseLong(parts[1].substring(0, 3));
        sw.runCmds(Eos.inAcl(parts[0], "bulk_1", parts[1]));

        scheduler.advance(Duration.ofSeconds(1));
        long afterFirst = deny(family, seq).packets();
        assertTrue(afterFirst > 0, "the elephant starts on the first tick");
        assertEquals(ELEPHANT_BYTES_PER_TICK, deny(family, seq).bytes());
        assertEquals(1, traffic.activeElephants());

        scheduler.advance(TrafficGenerator.MIN_LIFETIME.minusSeconds(2));
        assertEquals(19 * ELEPHANT_BYTES_PER_TICK, deny(family, seq).bytes(), "it sends every tick while alive");

        scheduler.advance(TrafficGenerator.MAX_LIFETIME);
        long stopped = deny(family, seq).bytes();
        assertTrue(stopped <= 90 * ELEPHANT_BYTES_PER_TICK, "at most 90 seconds of it: " + stopped);
        assertEquals(0, traffic.activeElephants());
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(stopped, deny(family, seq).bytes(), "after its lifetime the entry stays idle");
    }

    @Test
    void entryAddedAgainAfterItsRemovalGetsANewElephant() throws SwitchException {
        String rule = "501 deny ip host 10.1.2.3 host 192.0.2.50";
        sw.runCmds(Eos.inAcl("ip", "bulk_2", rule));
        scheduler.advance(TrafficGenerator.MAX_LIFETIME.plusSeconds(1));
        sw.runCmds(Eos.inAcl("ip", "bulk_2", "no 501"));
        scheduler.advance(Duration.ofSeconds(1));
        sw.runCmds(Eos.inAcl("ip", "bulk_2", rule));
        assertEquals(0, deny(Family.IP, 501, "bulk_2").bytes());

        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(3 * ELEPHANT_BYTES_PER_TICK, deny(Family.IP, 501, "bulk_2").bytes());
    }

    @Test
    void backgroundTrafficMovesIngressAndEgressOctets() throws SwitchException {
        scheduler.advance(Duration.ofSeconds(10));

        JsonObject counters = interfaceCounters();
        long totalIn = 0;
        for (String port : INGRESS) {
            long in = counters.getAsJsonObject(port).get("inOctets").getAsLong();
            long perSecond = in * 8 / 10;
            assertTrue(perSecond >= TrafficGenerator.BACKGROUND_MIN_BITS_PER_SECOND
                    && perSecond <= TrafficGenerator.BACKGROUND_MAX_BITS_PER_SECOND, port + ": " + perSecond);
            totalIn += in;
        }
        assertEquals(totalIn, counters.getAsJsonObject("Ethernet11").get("outOctets").getAsLong(),
                "background traffic is permitted, so all of it reaches the tools");
        assertTrue(sw.entries("bulk_1", Family.IP).stream().anyMatch(e -> e.sequence() == 100001 && e.packets() > 0));
    }

    @Test
    void nothingMovesOnceClosed() throws SwitchException {
        scheduler.advance(Duration.ofSeconds(2));
        traffic.close();
        long before = octets("Ethernet1", "inOctets");
        scheduler.advance(Duration.ofSeconds(10));
        assertTrue(before > 0);
        assertEquals(before, octets("Ethernet1", "inOctets"));
        assertEquals(0, scheduler.pending());
    }

    @Test
    void withoutAGeneratorNothingMoves() throws SwitchException {
        traffic.close();
        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip host 10.1.2.3 host 192.0.2.50"));
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(0, deny(Family.IP, 501).packets());
        JsonObject counters = interfaceCounters();
        for (String port : List.of("Ethernet1", "Ethernet2", "Ethernet3", "Ethernet11")) {
            assertEquals(0, counters.getAsJsonObject(port).get("inOctets").getAsLong());
            assertEquals(0, counters.getAsJsonObject(port).get("outOctets").getAsLong());
        }
    }

    @Test
    void unknownIngressInterfaceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrafficGenerator(sw, List.of("Ethernet9"), clock, new SplittableRandom(1)));
    }

    @Test
    void aTickThatMeetsAnErrorDoesNotStopTheTraffic() throws SwitchException {
        traffic.close();
        AtomicInteger faults = new AtomicInteger(1);
        Clock failingOnce = new Clock() {
            @Override
            public Instant instant() {
                if (faults.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new InternalError("simulated fault");
                }
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return clock.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        try (TrafficGenerator faulty = new TrafficGenerator(sw, INGRESS, failingOnce, new SplittableRandom(7))) {
            faulty.start(scheduler);
            sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny ip host 10.1.2.3 host 192.0.2.50"));

            scheduler.advance(Duration.ofSeconds(1));
            assertEquals(0, faults.get(), "the first tick met the Error");
            assertEquals(0, deny(Family.IP, 501).bytes());

            scheduler.advance(Duration.ofSeconds(1));
            assertEquals(ELEPHANT_BYTES_PER_TICK, deny(Family.IP, 501).bytes(), "the next tick sends");
        }
    }

    private SimulatedEntry deny(Family family, long seq) {
        return deny(family, seq, "bulk_1");
    }

    private SimulatedEntry deny(Family family, long seq, String acl) {
        return sw.entries(acl, family).stream().filter(e -> e.sequence() == seq).findFirst().orElseThrow();
    }

    private long octets(String port, String which) throws SwitchException {
        return interfaceCounters().getAsJsonObject(port).get(which).getAsLong();
    }

    private JsonObject interfaceCounters() throws SwitchException {
        return sw.runCmds(List.of("show interfaces counters")).get(0).getAsJsonObject("interfaces");
    }
}
