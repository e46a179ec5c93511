package org.dumbno.manager;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.dumbno.acl.AuthenticationException;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.Transport;

/**
 * Passes calls to another transport, with faults the simulated switch does not show: a write
 * that runs but whose answer is lost, refused credentials, a switch that calls every number
 * written a duplicate, one that answers removals without doing them, and something happening
 * while a given call is in flight or once it has been answered.
 */
final class WrappedTransport extends ForwardingTransport {
    private final AtomicInteger lostAnswers = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicReference<Hook> hook = new AtomicReference<>();
    private final AtomicReference<Hook> afterHook = new AtomicReference<>();
    private volatile boolean badCredentials;
    private volatile boolean keepRemovedLines;

    private record Hook(Predicate<List<String>> which, Runnable action) {
    }

    WrappedTransport(Transport inner) {
        super(inner);
    }

    /** The next {@code n} configuring calls run, then fail as if the answer never came. */
    void loseAnswers(int n) {
        lostAnswers.set(n);
    }

    /** The next {@code n} configuring calls are refused at their first line, which they call a duplicate. */
    void refuseAsDuplicates(int n) {
        duplicates.set(n);
    }

    /** Runs {@code action} once, in the caller's thread, when a call {@code which} accepts starts. */
    void during(Predicate<List<String>> which, Runnable action) {
        hook.set(new Hook(which, action));
    }

    /**
     * Runs {@code action} once, in the caller's thread, when a call {@code which} accepts has been
     * answered, before its results go back.
     */
    void after(Predicate<List<String>> which, Runnable action) {
        afterHook.set(new Hook(which, action));
    }

    /** Answers every {@code no SEQ} as done without passing it on: the lines stay. */
    void keepRemovedLines(boolean value) {
        keepRemovedLines = value;
    }

    void badCredentials(boolean value) {
        badCredentials = value;
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        Hook current = hook.get();
        if (current != null && current.which().test(commands) && hook.compareAndSet(current, null)) {
            current.action().run();
        }
        if (badCredentials) {
            throw new AuthenticationException(describe(), "HTTP 401 Unauthorized");
        }
        if (commands.contains("configure") && duplicates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            int line = 3;
            throw new CommandFailedException(describe(), 1002, line, commands.get(line),
                    List.of("Duplicate sequence number"), List.of());
        }
        if (keepRemovedLines && commands.stream().anyMatch(c -> c.startsWith("no "))) {
            List<String> kept = commands.stream().filter(c -> !c.startsWith("no ")).toList();
            List<JsonObject> results = new java.util.ArrayList<>(inner().runCmds(kept, format));
            while (results.size() < commands.size()) {
                results.add(new JsonObject());
            }
            return results;
        }
        List<JsonObject> results = inner().runCmds(commands, format);
        if (commands.contains("configure") && lostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SwitchUnavailableException(describe(), "read timed out", null);
        }
        Hook later = afterHook.get();
        if (later != null && later.which().test(commands) && afterHook.compareAndSet(later, null)) {
            later.action().run();
        }
        return results;
    }
}
