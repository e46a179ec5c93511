package org.dumbno.eos.eapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code runCmds} call of the shape clients send nearly always ({@code jsonrpc},
 * {@code method}, {@code id} and {@code params} as an object of {@code version}, {@code cmds} as
 * strings and {@code format}) as it streams, without the tree of one element per command. Anything
 * else, a call it would refuse included, it leaves to {@link RpcRequest#parse}, which reads the
 * tree and says what is wrong.
 */
final class UsualRequest {
    private static final JsonPrimitive VERSION_2 = new JsonPrimitive("2.0");

    private JsonElement jsonrpc;
    private JsonElement method;
    private JsonElement id;
    private JsonElement version;
    private List<String> commands;
    private JsonElement format;
    private boolean params;

    private UsualRequest() {
    }

    /** The call {@code body} holds, or null when it is not of the usual shape or not valid. */
    static RpcRequest read(String body) {
        return read(new StringReader(body));
    }

    /** {@link #read(String)} of a body read from {@code body}. */
    static RpcRequest read(Reader body) {
        try {
            JsonReader json = new JsonReader(body);
            json.setStrictness(Strictness.LENIENT);
            UsualRequest call = new UsualRequest();
            return call.readCall(json) && json.peek() == JsonToken.END_DOCUMENT ? call.request() : null;
        } catch (IOException | IllegalStateException | NumberFormatException | JsonParseException e) {
            return null;
        }
    }

    private boolean readCall(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            return false;
        }
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (name.equals("jsonrpc") && jsonrpc == null) {
                jsonrpc = JsonParser.parseReader(json);
            } else if (name.equals("method") && method == null) {
                method = JsonParser.parseReader(json);
            } else if (name.equals("id") && id == null) {
                id = JsonParser.parseReader(json);
            } else if (!(name.equals("params") && !params && readParams(json))) {
                return false;
            }
        }
        json.endObject();
        return params;
    }

    private boolean readParams(JsonReader json) throws IOException {
        params = true;
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            return false;
        }
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (name.equals("version") && version == null) {
                version = JsonParser.parseReader(json);
            } else if (name.equals("format") && format == null) {
                format = JsonParser.parseReader(json);
            } else if (!(name.equals("cmds") && commands == null && readCommands(json))) {
                return false;
            }
        }
        json.endObject();
        return commands != null;
    }

    private boolean readCommands(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            return false;
        }
        commands = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (json.peek() != JsonToken.STRING) {
                return false;
            }
            commands.add(json.nextString());
        }
        json.endArray();
        return true;
    }

    private RpcRequest request() {
        if (jsonrpc != null && !VERSION_2.equals(jsonrpc)
                || !(method instanceof JsonPrimitive name && name.isString() && "runCmds".equals(name.getAsString()))) {
            return null;
        }
        try {
            RpcRequest.checkVersion(version);
            return new RpcRequest(id == null ? RpcRequest.NO_ID : id, commands, RpcRequest.format(format));
        } catch (RpcError e) {
            return null;
        }
    }
}
