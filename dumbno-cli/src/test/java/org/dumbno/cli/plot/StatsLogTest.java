package org.dumbno.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatsLogTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static StatsLog read(String text, Duration interval) throws IOException {
        return StatsLog.read(new StringReader(text), interval);
    }

    @Test
    void readsPlainStatsOutputAtTheInterval() throws IOException {
        StatsLog log = read("""
                total gigs: in=1234.5 out=1000.25 filtered=234.25
                mbps: in=900.5 out=850 filtered=50.5
                mbps: in=910 out=700.25 filtered=209.75
                mbps: in=0 out=0 filtered=0
                """, Duration.ofSeconds(5));

        assertFalse(log.timestamped());
        assertEquals(List.of(
                new Sample(Instant.EPOCH, 900.5, 850, 50.5),
                new Sample(Instant.ofEpochSecond(5), 910, 700.25, 209.75),
                new Sample(Instant.ofEpochSecond(10), 0, 0, 0)), log.samples());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-25T10:00:00Z mbps: in=1 out=2 filtered=3       | 2026-11-25T10:00:00Z",
        "2026-11-25T10:00:00.250Z mbps: in=1 out=2 filtered=3   | 2026-11-25T10:00:00.250Z",
        "2026-11-25T11:00:00+01:00 mbps: in=1 out=2 filtered=3  | 2026-11-25T10:00:00Z",
        "2026-11-25T11:00:00.000+0100 mbps: in=1 out=2 filtered=3 | 2026-11-25T10:00:00Z",
        "2026-11-25T10:00:00 mbps: in=1 out=2 filtered=3        | 2026-11-25T10:00:00Z",
        "2026-11-25 10:00:00Z mbps: in=1 out=2 filtered=3       | 2026-11-25T10:00:00Z",
        "2026-11-25T10:00 mbps: in=1 out=2 filtered=3           | 2026-11-25T10:00:00Z",
    })
    void readsALeadingTimestamp(String line, String expected) throws IOException {
        StatsLog log = read(line, SECOND);

        assertTrue(log.timestamped());
        assertEquals(List.of(new Sample(Instant.parse(expected), 1, 2, 3)), log.samples());
    }

    @Test
    void readsTheLinesOfOneSwitchOfSeveral() throws IOException {
        String text = String.join("\n", "edge1: total gigs: in=1.0 out=0.5 filtered=0.5",
                "edge2: total gigs: in=2.0 out=1.0 filtered=1.0",
                "2026-11-25T10:00:00Z edge1: mbps: in=1 out=2 filtered=3",
                "2026-11-25T10:00:00Z edge2: mbps: in=4 out=5 filtered=6",
                "2026-11-25T10:00:10Z edge1: mbps: in=7 out=8 filtered=9",
                "2026-11-25T10:00:10Z edge2: mbps: in=10 out=11 filtered=12", "");

        StatsLog edge2 = StatsLog.read(new StringReader(text), SECOND, Optional.of("edge2"));

        assertEquals(List.of(new Sample(Instant.parse("2026-11-25T10:00:00Z"), 4, 5, 6),
                new Sample(Instant.parse("2026-11-25T10:00:10Z"), 10, 11, 12)), edge2.samples());
        assertTrue(StatsLog.read(new StringReader(text), SECOND, Optional.of("edge3")).isEmpty());
        assertTrue(read(text, SECOND).isEmpty(), "without a name, only the lines of one switch are read");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "total gigs: in=1 out=2 filtered=3",
        "2026-11-25T10:00:00.000+00:00 INFO  op=ADD seq=501 rule=\"ip host 192.0.2.1 any\"",
        "mbps: in=1 out=2",
        "mbps: in=x out=2 filtered=3",
        "mbps: in=1 out=2 filtered=3 extra",
        "yesterday mbps: in=1 out=2 filtered=3",
        "2026-13-45T99:00:00Z mbps: in=1 out=2 filtered=3",
        "",
    })
    void ignoresLinesThatAreNotSamples(String line) throws IOException {
        assertTrue(read(line + "\n", SECOND).isEmpty());
    }

    @Test
    void skipsLogLinesMixedIn() throws IOException {
        StatsLog log = read("""
                2026-11-25T10:00:00.000+00:00 INFO  starting
                2026-11-25T10:00:01Z mbps: in=10 out=9 filtered=1
                2026-11-25T10:00:01.500+00:00 INFO  op=ADD seq=501 rule="ip host 192.0.2.1 any"
                2026-11-25T10:00:02Z mbps: in=20 out=5 filtered=15
                """, SECOND);

        assertTrue(log.timestamped());
        assertEquals(List.of(Instant.parse("2026-11-25T10:00:01Z"), Instant.parse("2026-11-25T10:00:02Z")),
                log.samples().stream().map(Sample::time).toList());
    }

    @Test
    void ignoresTimestampsUnlessEveryLineHasOne() throws IOException {
        StatsLog log = read("""
                2026-11-25T10:00:00Z mbps: in=1 out=1 filtered=0
                mbps: in=2 out=2 filtered=0
                """, Duration.ofMillis(500));

        assertFalse(log.timestamped());
        assertEquals(List.of(Instant.EPOCH, Instant.EPOCH.plusMillis(500)),
                log.samples().stream().map(Sample::time).toList());
    }

    @Test
    void acceptsNegativeFilteredWhenCountersRace() throws IOException {
        assertEquals(-0.5, read("mbps: in=10 out=10.5 filtered=-0.5", SECOND).samples().get(0).filteredMbps());
    }

    @Test
    void refusesANonPositiveInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("mbps: in=1 out=1 filtered=0", Duration.ZERO));
        assertEquals("interval (PT0S) must be positive", e.getMessage());
    }
}
