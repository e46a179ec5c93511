package org.dumbno.eos;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.dumbno.acl.SwitchException;

/**
 * A transport that records every call and answers from a script, one step per call; a call beyond
 * the script gets the standing answer (one empty result per command, unless given). Each step may
 * let time pass on the transport's own ticker, {@link #nanoTime()}, for what measures calls.
 */
public final class ScriptedTransport implements Transport {

    /** One call as made. */
    public record Call(List<String> commands, Format format) {
    }

    /** What to answer a call with. */
    @FunctionalInterface
    public interface Answer {
        List<JsonObject> answer(List<String> commands, Format format) throws SwitchException;
    }

    private static final Answer EMPTY = (commands, format) -> commands.stream().map(c -> new JsonObject()).toList();

    private record Step(long nanos, Answer answer) {
    }

    private final Answer standing;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private long now;
    private boolean closed;

    /** A transport answering one empty result per command to every call not scripted. */
    public ScriptedTransport() {
        this(EMPTY);
    }

    /** A transport answering every call not scripted with {@code standing}. */
    public ScriptedTransport(Answer standing) {
        this.standing = standing;
    }

    /** Answers every command with {@code {"echo": command}}, or the command as text output. */
    public static ScriptedTransport echo() {
        return new ScriptedTransport((commands, format) -> commands.stream().map(c -> echoOf(c, format)).toList());
    }

    /** The answer {@link #echo()} gives {@code command}. */
    public static JsonObject echoOf(String command, Format format) {
        JsonObject result = new JsonObject();
        result.addProperty(format == Format.TEXT ? "output" : "echo", command + (format == Format.TEXT ? "\n" : ""));
        return result;
    }

    /** Answers the next call with these JSON texts, one per command (or {@code {}} for the rest). */
    public synchronized ScriptedTransport then(String... json) {
        steps.add(new Step(0, (commands, format) -> {
            List<JsonObject> results = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                results.add(i < json.length ? JsonParser.parseString(json[i]).getAsJsonObject() : new JsonObject());
            }
            return results;
        }));
        return this;
    }

    /** Answers the next call by throwing. */
    public ScriptedTransport thenFail(SwitchException failure) {
        return thenFailAfter(0, failure);
    }

    /** Answers the next call with one empty result per command, {@code nanos} later on the ticker. */
    public synchronized ScriptedTransport thenAnswerAfter(long nanos) {
        steps.add(new Step(nanos, EMPTY));
        return this;
    }

    /** Answers the next call by throwing, {@code nanos} later on the ticker. */
    public synchronized ScriptedTransport thenFailAfter(long nanos, SwitchException failure) {
        steps.add(new Step(nanos, (commands, format) -> {
            throw failure;
        }));
        return this;
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        Step step;
        synchronized (this) {
            calls.add(new Call(List.copyOf(commands), format));
            step = steps.poll();
            if (step != null) {
                now += step.nanos();
            }
        }
        return (step == null ? standing : step.answer()).answer(commands, format);
    }

    /** The ticker the script moves. */
    public synchronized long nanoTime() {
        return now;
    }

    /** The calls made, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The commands of each call made, in order. */
    public synchronized List<List<String>> commands() {
        return calls.stream().map(Call::commands).toList();
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
