package org.dumbno.eos;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.dumbno.acl.SwitchException;

/** A transport that records every call and answers from a script, one answer per call. */
final class ScriptedTransport implements Transport {

    /** One call as made. */
    record Call(List<String> commands, Format format) {
    }

    /** What to answer a call with. */
    @FunctionalInterface
    interface Answer {
        List<JsonObject> answer(List<String> commands, Format format) throws SwitchException;
    }

    private final List<Call> calls = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    /** Answers the next call with these JSON texts, one per command (or {@code {}} for the rest). */
    ScriptedTransport then(String... json) {
        answers.add((commands, format) -> {
            List<JsonObject> results = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                results.add(i < json.length ? JsonParser.parseString(json[i]).getAsJsonObject() : new JsonObject());
            }
            return results;
        });
        return this;
    }

    /** Answers the next call by throwing. */
    ScriptedTransport thenFail(SwitchException failure) {
        answers.add((commands, format) -> {
            throw failure;
        });
        return this;
    }

    @Override
    public synchronized List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        calls.add(new Call(List.copyOf(commands), format));
        Answer answer = answers.poll();
        if (answer == null) {
            List<JsonObject> empty = new ArrayList<>();
            commands.forEach(c -> empty.add(new JsonObject()));
            return empty;
        }
        return answer.answer(commands, format);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public void close() {
    }
}
