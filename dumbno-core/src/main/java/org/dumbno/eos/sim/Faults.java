package org.dumbno.eos.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** The faults a simulated switch is told to show; thread-safe. */
final class Faults {
    private Duration latency = Duration.ZERO;
    private int failingCalls;
    private Predicate<String> failingCommand = command -> false;
    private int failingCommandTimes;
    private Instant outageUntil = Instant.MIN;

    synchronized void latency(Duration perCall) {
        if (perCall.isNegative()) {
            throw new IllegalArgumentException("latency (" + perCall + ") must not be negative");
        }
        latency = perCall;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized void failNextCalls(int calls) {
        failingCalls = nonNegative("calls", calls);
    }

    synchronized void failCommands(Predicate<String> which, int times) {
        failingCommand = which;
        failingCommandTimes = nonNegative("times", times);
    }

    synchronized void outageUntil(Instant until) {
        outageUntil = until;
    }

    synchronized void clear() {
        latency = Duration.ZERO;
        failingCalls = 0;
        failingCommandTimes = 0;
        outageUntil = Instant.MIN;
    }

    /** Why a call made at {@code now} fails before running anything, or null when it does not. */
    synchronized String unavailable(Instant now) {
        if (now.isBefore(outageUntil)) {
            return "no answer (simulated outage until " + outageUntil + ")";
        }
        if (failingCalls > 0) {
            failingCalls--;
            return "HTTP 500 Internal Server Error (simulated failure)";
        }
        return null;
    }

    /** Whether {@code command} is to be refused; each refusal uses up one of the times asked for. */
    synchronized boolean refuses(String command) {
        if (failingCommandTimes > 0 && failingCommand.test(command)) {
            failingCommandTimes--;
            return true;
        }
        return false;
    }

    private static int nonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " (" + value + ") must not be negative");
        }
        return value;
    }
}
