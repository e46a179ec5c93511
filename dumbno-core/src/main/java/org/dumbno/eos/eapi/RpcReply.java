package org.dumbno.eos.eapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.util.ByteArrayBuffer;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.Transport;
import org.dumbno.eos.Transport.Format;
import org.dumbno.eos.Transport.ResultDecoder;

/**
 * The client's side of the JSON-RPC exchange: writes a {@code runCmds} call and reads its reply,
 * as a stream, checking it as strictly as a parsed tree would be.
 */
final class RpcReply {

    private RpcReply() {
    }

    /** Decodes a result into the parsed object itself: the {@link Transport#runCmds(List, Format)} form. */
    static final ResultDecoder<JsonObject> TREE = new ResultDecoder<>() {
        @Override
        public JsonObject decode(int index, JsonReader json) {
            return JsonParser.parseReader(json).getAsJsonObject();
        }

        @Override
        public JsonObject decode(int index, JsonObject result) {
            return result;
        }
    };

    /**
     * The JSON-RPC request body for {@code commands} as UTF-8, written straight into one byte
     * buffer: a write call carries a command per line, and a JSON writer's per-character path (then
     * encoding the text it made) costs more than the rest of the request. The body is the buffer's
     * first {@link ByteArrayBuffer#length()} bytes.
     */
    static ByteArrayBuffer request(String id, List<String> commands, Format format) {
        int size = 96 + id.length();
        int longest = 0;
        for (String command : commands) {
            size += command.length() + 3;
            longest = Math.max(longest, command.length());
        }
        ByteArrayBuffer out = new ByteArrayBuffer(size);
        ascii(out, "{\"jsonrpc\":\"2.0\",\"method\":\"runCmds\",\"params\":{\"version\":1,\"cmds\":[");
        char[] scratch = new char[longest];
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, commands.get(i), scratch);
        }
        ascii(out, "],\"format\":");
        quote(out, format.wireName());
        ascii(out, "},\"id\":");
        quote(out, id);
        out.append('}');
        return out;
    }

    private static void ascii(ByteArrayBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.append(bytes, 0, bytes.length);
    }

    /**
     * Appends {@code text} as a JSON string in UTF-8: quotes, backslashes and control characters
     * escaped, everything else as it is. A command is almost always printable ASCII, whose
     * characters are its bytes: those go straight into the buffer, without encoding the text first.
     */
    static void quote(ByteArrayBuffer out, String text) {
        quote(out, text, new char[text.length()]);
    }

    /**
     * {@link #quote(ByteArrayBuffer, String)} with the characters copied into {@code scratch}
     * (at least as long as the text) in one go: the launcher's client compiler makes each
     * {@link String#charAt} a call of its own.
     */
    private static void quote(ByteArrayBuffer out, String text, char[] scratch) {
        int start = out.length();
        int length = text.length();
        out.ensureCapacity(length + 2);
        byte[] array = out.array();
        int at = start;
        array[at++] = '"';
        text.getChars(0, length, scratch, 0);
        for (int i = 0; i < length; i++) {
            char c = scratch[i];
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                out.setLength(start);
                quoteEncoded(out, text);
                return;
            }
            array[at++] = (byte) c;
        }
        array[at++] = '"';
        out.setLength(at);
    }

    /** {@link #quote} for a text with a character to escape or beyond ASCII: Gson escapes it. */
    private static void quoteEncoded(ByteArrayBuffer out, String text) {
        byte[] bytes = new JsonPrimitive(text).toString().getBytes(StandardCharsets.UTF_8);
        out.append(bytes, 0, bytes.length);
    }

    /**
     * Reads the reply to the call {@code id} that ran {@code commands}.
     *
     * @throws CommandFailedException the reply is a JSON-RPC error
     * @throws SwitchUnavailableException the reply is not a JSON-RPC answer to that call
     */
    static List<JsonObject> read(String switchName, String id, List<String> commands, String body)
            throws SwitchException {
        try {
            return read(switchName, id, commands, new ReplyBody(new StringReader(body)), TREE);
        } catch (SwitchException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
    }

    /**
     * Reads the reply to the call {@code id} that ran {@code commands} from {@code body} as it
     * streams in, each result decoded by {@code decoder}; the results of an error reply are parsed
     * objects, as {@link CommandFailedException} carries them.
     *
     * @throws CommandFailedException the reply is a JSON-RPC error
     * @throws SwitchUnavailableException the reply is not a JSON-RPC answer to that call
     * @throws IOException reading the body failed (the connection, not its content)
     */
    static <T> List<T> read(String switchName, String id, List<String> commands, ReplyBody body,
            ResultDecoder<T> decoder) throws IOException {
        Reply<T> reply;
        try {
            reply = Reply.parse(new JsonReader(body), commands.size(), decoder);
        } catch (IOException | JsonParseException e) {
            if (body.failure() != null) {
                throw body.failure();
            }
            throw new SwitchUnavailableException(switchName, "reply is not JSON-RPC: " + abbreviate(body.head()), e);
        } catch (Reply.BadResult e) {
            throw new SwitchUnavailableException(switchName, "unreadable result of command " + (e.index() + 1)
                    + " '" + commands.get(e.index()) + "': " + e.getCause().getMessage(), e.getCause());
        }
        if (reply == null) {
            throw notJsonRpc(switchName, abbreviate(body.head()));
        }
        if (!"2.0".equals(string(reply.version())) || !new JsonPrimitive(id).equals(reply.id())) {
            throw notJsonRpc(switchName, "expected jsonrpc 2.0 and id " + id + ", got " + abbreviate(body.head()));
        }
        if (reply.error() instanceof JsonObject error) {
            throw failure(switchName, commands, error);
        }
        if (reply.results() == null) {
            throw notJsonRpc(switchName, "neither result nor error in " + abbreviate(body.head()));
        }
        if (reply.count() != commands.size()) {
            throw notJsonRpc(switchName, reply.count() + " results for " + commands.size() + " commands");
        }
        if (reply.notAnObject() != null) {
            throw notJsonRpc(switchName, "a result is not an object: " + abbreviate(reply.notAnObject().toString()));
        }
        return Collections.unmodifiableList(reply.results());
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
