package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.rule.Family;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** Injected faults: latency, failed calls, refused commands and outages. */
class FaultsTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final SimulatedSwitch sw = SimulatedSwitch.builder().clock(clock).sleeper(sleeper).build();

    @Test
    void latencyIsWaitedThroughTheSleeperOncePerCall() throws SwitchException {
        sw.latency(Duration.ofMillis(250));
        sw.runCmds(List.of("show version"));
        sw.runCmds(List.of("enable", "show version"));
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), sleeper.waits);
    }

    @Test
    void noLatencyNoWait() throws SwitchException {
        sw.runCmds(List.of("show version"));
        assertEquals(List.of(), sleeper.waits);
    }

    @Test
    void interruptedWaitIsAnUnavailableSwitch() {
        SimulatedSwitch interrupted = SimulatedSwitch.builder().sleeper(d -> {
            throw new InterruptedException();
        }).build();
        interrupted.latency(Duration.ofSeconds(1));
        assertThrows(SwitchUnavailableException.class, () -> interrupted.runCmds(List.of("show version")));
        assertEquals(true, Thread.interrupted());
    }

    @Test
    void failNextCallsFailsExactlyThatMany() throws SwitchException {
        sw.failNextCalls(2);
        assertThrows(SwitchUnavailableException.class, () -> sw.runCmds(Eos.inAcl("ip", "a")));
        assertThrows(SwitchUnavailableException.class, () -> sw.runCmds(Eos.inAcl("ip", "a")));
        assertEquals(List.of(), sw.accessLists(Family.IP));
        sw.runCmds(Eos.inAcl("ip", "a"));
        assertEquals(List.of("a"), sw.accessLists(Family.IP));
        assertEquals(3, sw.calls());
    }

    @Test
    void failCommandsRefusesTheFirstMatchWithStopOnError() throws SwitchException {
        sw.failCommands(cmd -> cmd.contains("deny"), 1);
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> sw.runCmds(
                Eos.inAcl("ip", "a", "10 permit tcp any any fin", "501 deny ip host 10.0.0.1 any",
                        "503 deny ip host 10.0.0.3 any")));
        assertEquals(1002, e.code());
        assertEquals(4, e.failedIndex());
        assertEquals(4, e.results().size());
        assertEquals(List.of("10 permit tcp any any fin"), Eos.lines(sw, "ip", "a"));
        sw.runCmds(Eos.inAcl("ip", "a", "501 deny ip host 10.0.0.1 any"));
        assertEquals(2, sw.entries("a", Family.IP).size());
    }

    @Test
    void failCommandsCountsCallsNotCommands() {
        sw.failCommands(cmd -> cmd.startsWith("show"), 2);
        assertThrows(CommandFailedException.class, () -> sw.runCmds(List.of("show version", "show version")));
        assertThrows(CommandFailedException.class, () -> sw.runCmds(List.of("enable", "show version")));
        assertEquals(1, assertDoesNotFail(() -> sw.runCmds(List.of("show version"))).size());
    }

    @Test
    void outageLastsUntilTheClockPassesIt() throws SwitchException {
        sw.outage(Duration.ofSeconds(30));
        assertThrows(SwitchUnavailableException.class, () -> sw.runCmds(List.of("show version")));
        clock.advance(Duration.ofSeconds(29));
        assertThrows(SwitchUnavailableException.class, () -> sw.runCmds(List.of("show version")));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, sw.runCmds(List.of("show version")).size());
    }

    @Test
    void unavailableMessagesNameTheSwitch() {
        sw.failNextCalls(1);
        SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                () -> sw.runCmds(List.of("show version")));
        assertEquals(sw.describe(), e.switchName());
    }

    @Test
    void clearFaultsRemovesThemAll() throws SwitchException {
        sw.failNextCalls(5);
        sw.outage(Duration.ofHours(1));
        sw.failCommands(cmd -> true, 5);
        sw.latency(Duration.ofSeconds(1));
        sw.clearFaults();
        assertEquals(1, sw.runCmds(List.of("show version")).size());
        assertEquals(List.of(), sleeper.waits);
    }

    @Test
    void closeLeavesTheSwitchRunningForTheNextClient() throws SwitchException {
        sw.runCmds(Eos.inAcl("ip", "a", "10 permit ip any any"));
        sw.close();
        assertEquals(List.of("10 permit ip any any"), Eos.lines(sw, "ip", "a"));
    }

    private interface Call<T> {
        T run() throws SwitchException;
    }

    private static <T> T assertDoesNotFail(Call<T> call) {
        try {
            return call.run();
        } catch (SwitchException e) {
            throw new AssertionError("call failed: " + e.getMessage(), e);
        }
    }
}
