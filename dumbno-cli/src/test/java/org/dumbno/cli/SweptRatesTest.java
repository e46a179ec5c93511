package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The rates of /-/shunts joined to the lines dumbno list reads, switch by switch. */
class SweptRatesTest {
    private static final ShuntRow LINE = new ShuntRow("bulk_1", "ip", 501, "ip host 10.0.0.1 any", 7,
            Optional.of(Duration.ZERO), OptionalDouble.empty());

    @Test
    void twoSwitchesWithTheSameLineEachGetTheirOwnRate() {
        SweptRates rates = SweptRates.parse("""
                [{"switch": "edge1", "acl": "bulk_1", "family": "ip", "seq": 501, "packets_per_second": 12.5},
                 {"switch": "edge2", "acl": "bulk_1", "family": "ip", "seq": 501, "packets_per_second": 0.0}]
                """);

        assertEquals(OptionalDouble.of(12.5), rates.on("edge1").of(LINE));
        assertEquals(OptionalDouble.of(0.0), rates.on("edge2").of(LINE));
        assertEquals(OptionalDouble.empty(), rates.on("edge3").of(LINE));
    }

    @Test
    void aLineGivenWithoutItsSwitchIsAnySwitchs() {
        SweptRates rates = SweptRates.parse("""
                [{"acl": "bulk_1", "family": "ip", "seq": 501, "packets_per_second": 3.0},
                 {"acl": "bulk_1", "family": "ip", "seq": 503, "packets_per_second": null}]
                """);

        assertEquals(OptionalDouble.of(3.0), rates.on("main").of(LINE));
        assertEquals(OptionalDouble.empty(), rates.on("main").of(new ShuntRow("bulk_1", "ip", 503, "ip any any", 0,
                Optional.empty(), OptionalDouble.empty())));
    }
}
