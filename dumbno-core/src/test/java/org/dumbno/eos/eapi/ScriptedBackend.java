package org.dumbno.eos.eapi;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.Transport;

/** A backend for the eAPI server whose answers the test scripts; it records every call. */
final class ScriptedBackend implements Transport {

    /** What the backend does with one call. */
    @FunctionalInterface
    interface Script {
        List<JsonObject> run(List<String> commands, Format format) throws SwitchException;
    }

    record Call(List<String> commands, Format format) {
    }

    private final Script script;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    ScriptedBackend(Script script) {
        this.script = script;
    }

    /** Answers every command with {@code {"echo": command}}, or the command as text output. */
    static ScriptedBackend echo() {
        return new ScriptedBackend((commands, format) -> commands.stream().map(c -> echoOf(c, format)).toList());
    }

    static JsonObject echoOf(String command, Format format) {
        JsonObject result = new JsonObject();
        result.addProperty(format == Format.TEXT ? "output" : "echo", command + (format == Format.TEXT ? "\n" : ""));
        return result;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        calls.add(new Call(List.copyOf(commands), format));
        return script.run(commands, format);
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public void close() {
        // nothing held
    }
}
