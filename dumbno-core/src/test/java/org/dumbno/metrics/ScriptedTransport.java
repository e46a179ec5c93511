package org.dumbno.metrics;

import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.Transport;

/**
 * A transport that answers from a script: each call takes the next step, lets {@code nanos} pass
 * on its ticker, and returns one empty result per command or throws the step's exception.
 */
final class ScriptedTransport implements Transport {

    record Step(long nanos, SwitchException failure) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    private long now;
    private boolean closed;

    ScriptedTransport answer(long nanos) {
        steps.add(new Step(nanos, null));
        return this;
    }

    ScriptedTransport fail(long nanos, SwitchException failure) {
        steps.add(new Step(nanos, failure));
        return this;
    }

    /** The ticker this transport moves. */
    synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        calls.add(List.copyOf(commands));
        Step step = steps.remove();
        now += step.nanos();
        if (step.failure() != null) {
            throw step.failure();
        }
        return commands.stream().map(c -> new JsonObject()).toList();
    }

    List<List<String>> calls() {
        return calls;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public void close() {
        closed = true;
    }
}
