package org.dumbno.rule;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dumbno.client.Op;

/** Reads one request datagram with a strict JSON reader, field by field. */
final class RequestReader {
    /** Gson's advice to developers ("Use JsonReader.setStrictness(...) to accept ..."): not for sensors. */
    private static final Pattern PARSER_ADVICE = Pattern.compile("Use JsonReader\\.set\\w+\\([^)]*\\) to accept ");
    private static final Pattern DOCUMENTATION_LINK = Pattern.compile("\\s*See https?://\\S+");

    /** The keys a request's fields are read from. */
    private static final List<String> FIELDS = List.of("src", "dst", "proto", "sport", "dport", "op");

    /** The largest datagram read: one Ethernet MTU. */
    static final int MAX_BYTES = 1500;

    /** The request's own keys read so far, one bit each ({@link #FIELDS}); other keys in {@link #seenOther}. */
    private int seenFields;
    private Set<String> seenOther;
    private IPAddress src;
    private IPAddress dst;
    private Protocol proto = Protocol.ANY;
    private int sport;
    private int dport;
    private Op op = Op.ADD;

    private RequestReader() {
    }

    static Order read(byte[] datagram) {
        if (datagram == null || datagram.length == 0) {
            throw new InvalidRequestException("request is empty");
        }
        if (datagram.length > MAX_BYTES) {
            throw new InvalidRequestException("request is " + datagram.length
                    + " bytes; at most " + MAX_BYTES + " are allowed");
        }
        String text = decode(datagram);
        JsonReader json = new JsonReader(new StringReader(text));
        json.setStrictness(Strictness.STRICT);
        RequestReader reader = new RequestReader();
        try {
            reader.object(json);
        } catch (IOException | IllegalStateException e) {
            throw notJson(e);
        }
        try {
            json.peek();
        } catch (IOException e) {
            throw new InvalidRequestException("request has data after the JSON object");
        }
        checkNoRawControlCharacters(text);
        return new Order(reader.op, new Request(reader.src, reader.dst, reader.proto, reader.sport, reader.dport));
    }

    private static String decode(byte[] datagram) {
        if (isAscii(datagram)) {
            return new String(datagram, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(datagram))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("request is not UTF-8 text");
        }
    }

    /** Whether every byte is ASCII, which is UTF-8 as it is (what every sensor sends). */
    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * JSON requires control characters (U+0000-U+001F) in strings to be escaped, and every client
     * escapes them, as did the original tool's reader; the JSON reader used here lets them through,
     * so they are looked for in the strings of a request it has read.
     */
    private static void checkNoRawControlCharacters(String text) {
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString && c < 0x20) {
                throw new InvalidRequestException("request is not valid JSON (unescaped control character "
                        + InvalidRequestException.quote(c) + " in a string at offset " + i + ")");
            }
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = inString;
            } else if (c == '"') {
                inString = !inString;
            }
        }
    }

    private static InvalidRequestException notJson(Exception e) {
        String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        reason = PARSER_ADVICE.matcher(reason).replaceAll("");
        reason = DOCUMENTATION_LINK.matcher(reason).replaceAll("").strip();
        return new InvalidRequestException(reason.isEmpty() ? "request is not valid JSON"
                : "request is not valid JSON (" + InvalidRequestException.quote(reason) + ")");
    }

    private void object(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            throw new InvalidRequestException("request must be one JSON object, not "
                    + kind(json.peek()));
        }
        json.beginObject();
        while (json.hasNext()) {
            String key = json.nextName();
            if (!firstTime(key)) {
                throw InvalidRequestException.of("key", key, "appears twice in the request");
            }
            field(key, json);
        }
        json.endObject();
    }

    /** Whether {@code key} was not read before in this request. */
    private boolean firstTime(String key) {
        int field = FIELDS.indexOf(key);
        if (field >= 0) {
            boolean first = (seenFields & 1 << field) == 0;
            seenFields |= 1 << field;
            return first;
        }
        if (seenOther == null) {
            seenOther = new HashSet<>();
        }
        return seenOther.add(key);
    }

    private void field(String key, JsonReader json) throws IOException {
        switch (key) {
            case "src" -> src = address(key, value(key, json, false));
            case "dst" -> dst = address(key, value(key, json, false));
            case "proto" -> proto = protocol(value(key, json, true));
            case "sport" -> sport = port(key, value(key, json, true));
            case "dport" -> dport = port(key, value(key, json, true));
            case "op" -> op = op(value(key, json, false));
            default -> json.skipValue();
        }
    }

    /** The raw text of a string or number value, null for null; refuses anything else. */
    private static Literal value(String key, JsonReader json, boolean numberAllowed) throws IOException {
        JsonToken token = json.peek();
        switch (token) {
            case NULL -> {
                json.nextNull();
                return null;
            }
            case STRING -> {
                return new Literal(json.nextString(), false);
            }
            case NUMBER -> {
                String text = json.nextString();
                if (numberAllowed) {
                    return new Literal(text, true);
                }
                throw InvalidRequestException.of(key, text, "must be a string");
            }
            default -> {
                json.skipValue();
                throw new InvalidRequestException(key + " must be a "
                        + (numberAllowed ? "number or a string" : "string") + ", not " + kind(token));
            }
        }
    }

    private static String kind(JsonToken token) {
        return token.name().toLowerCase(Locale.ROOT).replace("begin_", "");
    }

    private record Literal(String text, boolean number) {
    }

    private static IPAddress address(String key, Literal value) {
        if (value == null || value.text().isEmpty()) {
            return null;
        }
        return Addresses.host(key, value.text());
    }

    private static Op op(Literal value) {
        try {
            return Op.parse(value == null ? null : value.text());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("op", value.text(), "must be add or remove");
        }
    }

    private static Protocol protocol(Literal value) {
        if (value == null || value.text().isEmpty()) {
            return Protocol.ANY;
        }
        if (value.number() && !isDigits(value.text(), 3)) {
            throw InvalidRequestException.of("proto", value.text(), "must be a whole number 0-255");
        }
        return Protocol.parse(value.text());
    }

    private static int port(String key, Literal value) {
        if (value == null || value.text().isEmpty()) {
            return 0;
        }
        String text = value.text();
        if (!isDigits(text, Integer.MAX_VALUE)) {
            throw InvalidRequestException.of(key, text, "must be a whole number 1-65535");
        }
        if (text.length() > 5 || Integer.parseInt(text) > 65535) {
            throw InvalidRequestException.of(key, text, "must be 1-65535");
        }
        return Integer.parseInt(text);
    }

    private static boolean isDigits(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
