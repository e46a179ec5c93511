package org.dumbno.security;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.dumbno.rule.InvalidRequestException;

/**
 * The {@code ts} and {@code sig} keys of a request datagram, null when absent. Read only after
 * {@link org.dumbno.rule.Request#parse(byte[])} accepted the datagram, so the JSON is known valid.
 */
record SignedFields(Long ts, String sig) {
    /** Whole unix seconds: digits only, few enough for a long. */
    private static final int MAX_TS_DIGITS = 18;

    /** Whether both keys are present. */
    boolean isSigned() {
        return ts != null && sig != null;
    }

    /**
     * The two keys of a valid request datagram.
     *
     * @throws InvalidRequestException when {@code ts} is not whole unix seconds
     */
    static SignedFields read(byte[] datagram) {
        try (JsonReader json = new JsonReader(new StringReader(
                new String(datagram, StandardCharsets.UTF_8)))) {
            json.setStrictness(Strictness.STRICT);
            Long ts = null;
            String sig = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "ts" -> ts = ts(json);
                    case "sig" -> sig = sig(json);
                    default -> json.skipValue();
                }
            }
            json.endObject();
            return new SignedFields(ts, sig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Long ts(JsonReader json) throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        if (token != JsonToken.NUMBER && token != JsonToken.STRING) {
            json.skipValue();
            throw new InvalidRequestException("ts must be a number of unix seconds, not "
                    + token.name().toLowerCase(java.util.Locale.ROOT).replace("begin_", ""));
        }
        String text = json.nextString();
        if (text.isEmpty() || text.length() > MAX_TS_DIGITS
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw InvalidRequestException.of("ts", text, "must be whole unix seconds");
        }
        return Long.parseLong(text);
    }

    /** The signature text, or "" for a value that is not a string, which no signature matches. */
    private static String sig(JsonReader json) throws IOException {
        JsonToken token = json.peek();
        if (token == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        if (token != JsonToken.STRING) {
            json.skipValue();
            return "";
        }
        return json.nextString();
    }
}
