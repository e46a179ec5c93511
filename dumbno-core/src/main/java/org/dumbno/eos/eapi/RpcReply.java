package org.dumbno.eos.eapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.SwitchException;
import org.dumbno.eos.SwitchUnavailableException;
import org.dumbno.eos.Transport.Format;

/** The client's side of the JSON-RPC exchange: writes a {@code runCmds} call and reads its reply. */
final class RpcReply {

    private RpcReply() {
    }

    /** The JSON-RPC request body for {@code commands}. */
    static String request(String id, List<String> commands, Format format) {
        JsonArray cmds = new JsonArray();
        commands.forEach(cmds::add);
        JsonObject params = new JsonObject();
        params.addProperty("version", 1);
        params.add("cmds", cmds);
        params.addProperty("format", format.wireName());
        JsonObject call = new JsonObject();
        call.addProperty("jsonrpc", "2.0");
        call.addProperty("method", "runCmds");
        call.add("params", params);
        call.addProperty("id", id);
        return call.toString();
    }

    /**
     * Reads the reply to the call {@code id} that ran {@code commands}.
     *
     * @throws CommandFailedException the reply is a JSON-RPC error
     * @throws SwitchUnavailableException the reply is not a JSON-RPC answer to that call
     */
    static List<JsonObject> read(String switchName, String id, List<String> commands, String body)
            throws SwitchException {
        JsonObject reply = parse(switchName, body);
        JsonElement gotId = reply.get("id");
        if (!"2.0".equals(string(reply.get("jsonrpc"))) || !new JsonPrimitive(id).equals(gotId)) {
            throw notJsonRpc(switchName, "expected jsonrpc 2.0 and id " + id + ", got " + abbreviate(body));
        }
        if (reply.get("error") instanceof JsonObject error) {
            throw failure(switchName, commands, error);
        }
        if (!(reply.get("result") instanceof JsonArray result)) {
            throw notJsonRpc(switchName, "neither result nor error in " + abbreviate(body));
        }
        if (result.size() != commands.size()) {
            throw notJsonRpc(switchName, result.size() + " results for " + commands.size() + " commands");
        }
        List<JsonObject> results = new ArrayList<>(result.size());
        for (JsonElement element : result) {
            if (!(element instanceof JsonObject object)) {
                throw notJsonRpc(switchName, "a result is not an object: " + abbreviate(element.toString()));
            }
            results.add(object);
        }
        return List.copyOf(results);
    }

    private static JsonObject parse(String switchName, String body) throws SwitchUnavailableException {
        try {
            if (JsonParser.parseString(body) instanceof JsonObject object) {
                return object;
            }
        } catch (JsonParseException e) {
            throw new SwitchUnavailableException(switchName,
                    "reply is not JSON-RPC: " + abbreviate(body), e);
        }
        throw notJsonRpc(switchName, abbreviate(body));
    }

    private static CommandFailedException failure(String switchName, List<String> commands, JsonObject error) {
        int code = error.get("code") instanceof JsonPrimitive p && p.isNumber() ? p.getAsInt() : 0;
        String message = Optional.ofNullable(string(error.get("message"))).orElse("");
        JsonArray data = error.get("data") instanceof JsonArray array ? array : new JsonArray();
        Optional<CliFailure> cli = CliFailure.parse(message);
        int index = cli.map(CliFailure::failedIndex).orElse(Math.max(0, data.size() - 1));
        String command = index < commands.size() ? commands.get(index)
                : cli.map(CliFailure::command).orElse("");
        List<String> errors = errorsOf(data, index);
        if (errors.isEmpty() && !message.isEmpty()) {
            errors = List.of(message);
        }
        List<JsonObject> before = new ArrayList<>();
        for (int i = 0; i < Math.min(index, data.size()); i++) {
            if (data.get(i) instanceof JsonObject object) {
                before.add(object);
            }
        }
        return new CommandFailedException(switchName, code, index, command, errors, before);
    }

    private static List<String> errorsOf(JsonArray data, int index) {
        int at = index < data.size() ? index : data.size() - 1;
        List<String> errors = new ArrayList<>();
        if (at >= 0 && data.get(at) instanceof JsonObject failed
                && failed.get("errors") instanceof JsonArray array) {
            array.forEach(e -> errors.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        }
        return errors;
    }

    private static String string(JsonElement element) {
        return element instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
    }

    private static SwitchUnavailableException notJsonRpc(String switchName, String detail) {
        return new SwitchUnavailableException(switchName, "reply is not JSON-RPC: " + detail, null);
    }

    /** At most 200 characters of {@code text}, on one line. */
    static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? "'" + line + "'" : "'" + line.substring(0, 200) + "...'";
    }
}
