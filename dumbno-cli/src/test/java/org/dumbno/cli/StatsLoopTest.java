package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dumbno.acl.InterfaceCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stats loop skips a reading that throws, even an {@link Error}, and prints the next. */
@Timeout(10)
class StatsLoopTest {
    private static final Duration INTERVAL = Duration.ofMillis(1);

    @Test
    void aReadingThatThrowsAnErrorIsSkippedAndTheLoopPrintsOn() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        StatsCommand.Readings readings = () -> {
            if (reads.incrementAndGet() == 1) {
                throw new InternalError("simulated fault");
            }
            return Map.of("Ethernet1", new InterfaceCounters(0, 0), "Ethernet11", new InterfaceCounters(0, 0));
        };
        Bandwidth bandwidth = new Bandwidth(List.of("Ethernet1"), List.of("Ethernet11"), INTERVAL);
        bandwidth.totals(Map.of("Ethernet1", new InterfaceCounters(0, 0), "Ethernet11", new InterfaceCounters(0, 0)));
        StringWriter printed = new StringWriter();

        StatsCommand.run(readings, bandwidth, INTERVAL, 2, new PrintWriter(printed));

        assertEquals(3, reads.get(), "the reading after the Error was made");
        assertEquals(List.of("mbps: in=0.0 out=0.0 filtered=0.0", "mbps: in=0.0 out=0.0 filtered=0.0"),
                printed.toString().lines().toList());
    }
}
