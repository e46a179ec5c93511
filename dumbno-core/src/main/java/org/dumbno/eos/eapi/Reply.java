package org.dumbno.eos.eapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.eos.Transport.ResultDecoder;

/**
 * The members of a JSON-RPC reply object as read from its stream, the results decoded on the way;
 * {@link RpcReply} judges them.
 *
 * @param version the {@code jsonrpc} member; null when absent
 * @param id the {@code id} member; null when absent
 * @param error the {@code error} member; null when absent
 * @param results the decoded {@code result} array; null when it is absent or not an array
 * @param count how many elements the {@code result} array has
 * @param notAnObject the first element of the {@code result} array that is not an object, if any
 */
record Reply<T>(JsonElement version, JsonElement id, JsonElement error, List<T> results, int count,
        JsonElement notAnObject) {

    /**
     * Reads one JSON document from {@code json}; null when it is empty or not an object.
     *
     * @throws IOException the document is not valid JSON, or reading it failed
     * @throws BadResult {@code decoder} refused a result
     */
    static <T> Reply<T> parse(JsonReader json, int commands, ResultDecoder<T> decoder)
            throws IOException, BadResult {
        json.setStrictness(Strictness.LENIENT);
        JsonToken first;
        try {
            first = json.peek();
        } catch (EOFException e) {
            return null;
        }
        if (first != JsonToken.BEGIN_OBJECT) {
            JsonParser.parseReader(json);
            end(json);
            return null;
        }
        Builder<T> reply = new Builder<>();
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "jsonrpc" -> reply.version = JsonParser.parseReader(json);
                case "id" -> reply.id = JsonParser.parseReader(json);
                case "error" -> reply.error = JsonParser.parseReader(json);
                case "result" -> reply.results(json, commands, decoder);
                default -> json.skipValue();
            }
        }
        json.endObject();
        end(json);
        return new Reply<>(reply.version, reply.id, reply.error, reply.results, reply.count, reply.notAnObject);
    }

    private static void end(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.END_DOCUMENT) {
            throw new MalformedJsonException("more after the reply object");
        }
    }

    /** A decoder refused the result of command {@link #index()}; the cause says why. */
    static final class BadResult extends Exception {
        private static final long serialVersionUID = 1L;

        private final int index;

        BadResult(int index, RuntimeException cause) {
            super(cause);
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    private static final class Builder<T> {
        JsonElement version;
        JsonElement id;
        JsonElement error;
        List<T> results;
        int count;
        JsonElement notAnObject;

        void results(JsonReader json, int commands, ResultDecoder<T> decoder) throws IOException, BadResult {
            results = null;
            count = 0;
            notAnObject = null;
            if (json.peek() != JsonToken.BEGIN_ARRAY) {
                json.skipValue();
                return;
            }
            List<T> decoded = new ArrayList<>(commands);
            json.beginArray();
            for (; json.hasNext(); count++) {
                if (count < commands && json.peek() == JsonToken.BEGIN_OBJECT) {
                    decoded.add(decode(json, count, decoder));
                } else {
                    JsonElement element = JsonParser.parseReader(json);
                    if (notAnObject == null && !(element instanceof JsonObject)) {
                        notAnObject = element;
                    }
                }
            }
            json.endArray();
            results = decoded;
        }

        private static <T> T decode(JsonReader json, int index, ResultDecoder<T> decoder)
                throws IOException, BadResult {
            try {
                return decoder.decode(index, json);
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new BadResult(index, e);
            }
        }
    }
}
