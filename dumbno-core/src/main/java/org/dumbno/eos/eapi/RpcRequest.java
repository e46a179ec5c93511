package org.dumbno.eos.eapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dumbno.eos.Transport.Format;

/**
 * A {@code runCmds} call as the server received it. Accepts what clients in the wild send: params as
 * an object or as {@code [version, cmds, format]}, commands as strings or {@code {"cmd", "input"}}
 * objects, any id, extra keys.
 */
record RpcRequest(JsonElement id, List<String> commands, Format format) {

    RpcRequest {
        Objects.requireNonNull(id, "id");
        commands = List.copyOf(commands);
        Objects.requireNonNull(format, "format");
    }

    /** The id of a request too broken to read one from. */
    static final JsonElement NO_ID = JsonNull.INSTANCE;

    /** Reads a request body; a thrown {@link RpcError} is answered with {@link #idOf(String)}. */
    static RpcRequest parse(String body) throws RpcError {
        RpcRequest usual = UsualRequest.read(body);
        return usual != null ? usual : parseTree(body);
    }

    /**
     * {@link #parse(String)} of a body as it came, in UTF-8: the usual call is read straight from
     * the bytes (a write call carries thousands of commands, and a text copy of them all would be
     * made for nothing); only an unusual one is decoded into text, for the tree.
     */
    static RpcRequest parse(byte[] body) throws RpcError {
        RpcRequest usual = UsualRequest.read(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        return usual != null ? usual : parseTree(new String(body, StandardCharsets.UTF_8));
    }

    /** Reads a request body as a tree, whatever its shape; what {@link #parse} does for unusual calls. */
    static RpcRequest parseTree(String body) throws RpcError {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new RpcError(RpcError.PARSE_ERROR, "Parse error");
        }
        if (!(parsed instanceof JsonObject call)) {
            throw new RpcError(RpcError.INVALID_REQUEST, "Invalid request: not a JSON-RPC object");
        }
        JsonElement version = call.get("jsonrpc");
        if (version != null && !new JsonPrimitive("2.0").equals(version)) {
            throw new RpcError(RpcError.INVALID_REQUEST, "Invalid request: jsonrpc must be \"2.0\"");
        }
        if (!(call.get("method") instanceof JsonPrimitive method) || !method.isString()) {
            throw new RpcError(RpcError.INVALID_REQUEST, "Invalid request: method missing");
        }
        if (!"runCmds".equals(method.getAsString())) {
            throw new RpcError(RpcError.METHOD_NOT_FOUND, "Method not found: " + method.getAsString());
        }
        return params(idOf(call), call.get("params"));
    }

    /** The id to echo for {@code body}, or JSON null when there is none to read. */
    static JsonElement idOf(String body) {
        try {
            return JsonParser.parseString(body) instanceof JsonObject call ? idOf(call) : NO_ID;
        } catch (JsonParseException e) {
            return NO_ID;
        }
    }

    private static JsonElement idOf(JsonObject call) {
        JsonElement id = call.get("id");
        return id == null ? NO_ID : id;
    }

    private static RpcRequest params(JsonElement id, JsonElement params) throws RpcError {
        if (params instanceof JsonObject object) {
            return of(id, object.get("version"), object.get("cmds"), object.get("format"));
        }
        if (params instanceof JsonArray array && array.size() >= 2 && array.size() <= 3) {
            return of(id, array.get(0), array.get(1), array.size() == 3 ? array.get(2) : null);
        }
        throw invalidParams("params must be {\"version\", \"cmds\", \"format\"} or [version, cmds, format]");
    }

    private static RpcRequest of(JsonElement id, JsonElement version, JsonElement cmds, JsonElement format)
            throws RpcError {
        checkVersion(version);
        return new RpcRequest(id, commands(cmds), format(format));
    }

    static void checkVersion(JsonElement version) throws RpcError {
        if (version instanceof JsonPrimitive p
                && (p.isNumber() && p.getAsDouble() >= 1 || "latest".equals(p.getAsString()))) {
            return;
        }
        throw invalidParams("version (" + version + ") must be 1 or \"latest\"");
    }

    private static List<String> commands(JsonElement cmds) throws RpcError {
        if (!(cmds instanceof JsonArray array)) {
            throw invalidParams("cmds (" + cmds + ") must be a list");
        }
        List<String> commands = new ArrayList<>(array.size());
        for (JsonElement cmd : array) {
            commands.add(command(cmd));
        }
        return commands;
    }

    private static String command(JsonElement cmd) throws RpcError {
        if (cmd instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        if (cmd instanceof JsonObject object && object.get("cmd") instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        throw invalidParams("command (" + cmd + ") must be a string or {\"cmd\": ..., \"input\": ...}");
    }

    static Format format(JsonElement format) throws RpcError {
        if (format == null || format.isJsonNull()) {
            return Format.JSON;
        }
        for (Format f : Format.values()) {
            if (new JsonPrimitive(f.wireName()).equals(format)) {
                return f;
            }
        }
        throw invalidParams("format (" + format + ") must be \"json\" or \"text\"");
    }

    private static RpcError invalidParams(String detail) {
        return new RpcError(RpcError.INVALID_PARAMS, "Invalid params: " + detail);
    }
}
