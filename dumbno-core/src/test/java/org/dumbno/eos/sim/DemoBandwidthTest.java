package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;
import org.junit.jupiter.api.Test;

/**
 * The demo's bandwidth as {@code dumbno stats} reads it, with two tool ports as in
 * examples/simulated.cfg: egress carries what was not shunted, so filtered (ingress less egress) is
 * what the shunts dropped, never less than zero.
 */
class DemoBandwidthTest {
    private static final List<String> INGRESS = List.of("Ethernet1", "Ethernet2", "Ethernet3", "Ethernet4");

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final SimulatedSwitch sw = SimulatedSwitch.builder().interfaces("Ethernet1-4").egress("Ethernet11-12")
            .clock(clock).build();

    private long sum(String key, List<String> ports) throws SwitchException {
        JsonObject counters = sw.runCmds(List.of("show interfaces counters")).get(0).getAsJsonObject("interfaces");
        return ports.stream().mapToLong(port -> counters.getAsJsonObject(port).get(key).getAsLong()).sum();
    }

    private long deniedBytes() {
        return sw.entries("bulk_1", Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .mapToLong(SimulatedEntry::bytes).sum();
    }

    @Test
    void filteredIsWhatTheShuntsDroppedAndNeverNegative() throws SwitchException {
        sw.runCmds(Eos.setup("bulk_1", "Ethernet1", "Ethernet2", "Ethernet3", "Ethernet4"));
        new TrafficGenerator(sw, INGRESS, clock, new SplittableRandom(11)).start(scheduler);
        List<String> egress = List.of("Ethernet11", "Ethernet12");

        scheduler.advance(Duration.ofSeconds(10));
        long in = sum("inOctets", INGRESS);
        long out = sum("outOctets", egress);
        assertEquals(in, out, "nothing shunted: the tools get all of it");

        sw.runCmds(Eos.inAcl("ip", "bulk_1", "501 deny tcp host 10.1.2.3 host 192.0.2.9 eq 443",
                "503 deny udp host 10.1.2.4 host 192.0.2.9"));
        for (int second = 0; second < 30; second++) {
            scheduler.advance(Duration.ofSeconds(1));
            long filtered = sum("inOctets", INGRESS) - sum("outOctets", egress);
            assertTrue(filtered >= 0, "filtered " + filtered + " after " + second + " s");
        }

        long filtered = sum("inOctets", INGRESS) - sum("outOctets", egress);
        assertTrue(deniedBytes() > 0, "the elephants were dropped");
        assertTrue(filtered >= deniedBytes(), filtered + " filtered, " + deniedBytes() + " counted on the shunts");
    }
}
