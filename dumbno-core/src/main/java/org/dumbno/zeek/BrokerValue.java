package org.dumbno.zeek;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dumbno.rule.InvalidRequestException;

/**
 * One value in Zeek's WebSocket JSON, {@code {"@data-type": T, "data": D}}: read with the accessor
 * of the type expected, built with the static factories. An accessor given another type throws
 * {@link InvalidRequestException} naming the field, so a Zeek operator learns what was wrong.
 */
final class BrokerValue {
    private static final Pattern TIMESPAN = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|min|h|d)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "min", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);

    private final String type;
    private final JsonElement data;

    private BrokerValue(String type, JsonElement data) {
        this.type = type;
        this.data = data;
    }

    /** Reads {@code element} as a value; {@code what} names it in a complaint. */
    static BrokerValue of(JsonElement element, String what) {
        if (element == null || !element.isJsonObject()) {
            throw new InvalidRequestException(what + " is not a Zeek value");
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement type = object.get("@data-type");
        JsonElement data = object.get("data");
        if (type == null || !type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString() || data == null) {
            throw new InvalidRequestException(what + " is not a Zeek value (no @data-type and data)");
        }
        return new BrokerValue(type.getAsString(), data);
    }

    String type() {
        return type;
    }

    /** Whether this is an unset optional field. */
    boolean isNone() {
        return type.equals("none");
    }

    long count(String what) {
        JsonPrimitive value = primitive("count", what);
        if (!value.isNumber()) {
            throw notA("count", what);
        }
        try {
            long count = value.getAsBigDecimal().longValueExact();
            if (count >= 0) {
                return count;
            }
        } catch (ArithmeticException e) {
            // not a whole number that fits: refused below
        }
        throw InvalidRequestException.of(what, value, "is not a count (a whole number, 0 or more)");
    }

    /**
     * A count of Zeek's whole range, 0 to 2^64-1, as the bits of a long: for a cookie or an id,
     * which is only compared and echoed back (with {@link #ofCount}).
     */
    long identifier(String what) {
        JsonPrimitive value = primitive("count", what);
        if (value.isNumber()) {
            try {
                BigInteger count = value.getAsBigDecimal().toBigIntegerExact();
                if (count.signum() >= 0 && count.bitLength() <= Long.SIZE) {
                    return count.longValue();
                }
            } catch (ArithmeticException e) {
                // not a whole number: refused below
            }
        }
        throw InvalidRequestException.of(what, value, "is not a count (a whole number from 0 to 2^64-1)");
    }

    String string(String what) {
        return text("string", what);
    }

    String enumValue(String what) {
        return text("enum-value", what);
    }

    String address(String what) {
        return text("address", what);
    }

    String subnet(String what) {
        return text("subnet", what);
    }

    String port(String what) {
        return text("port", what);
    }

    /** An interval: a number and one of {@code ns us ms s min h d}; fractions allowed. */
    Duration timespan(String what) {
        String text = text("timespan", what);
        Matcher matcher = TIMESPAN.matcher(text);
        if (!matcher.matches()) {
            throw InvalidRequestException.of(what, text, "is not an interval such as 36000s");
        }
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(
                NANOS_PER_UNIT.get(matcher.group(2))));
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
        } catch (ArithmeticException e) {
            throw InvalidRequestException.of(what, text, "is too long an interval");
        }
    }

    /** A vector's (or a set's, or a record's) elements. */
    List<BrokerValue> vector(String what) {
        if (!(type.equals("vector") || type.equals("set")) || !data.isJsonArray()) {
            throw notA("vector", what);
        }
        List<BrokerValue> elements = new ArrayList<>(data.getAsJsonArray().size());
        int index = 0;
        for (JsonElement element : data.getAsJsonArray()) {
            elements.add(of(element, what + "[" + index++ + "]"));
        }
        return elements;
    }

    private String text(String expected, String what) {
        JsonPrimitive value = primitive(expected, what);
        if (!value.isString()) {
            throw notA(expected, what);
        }
        return value.getAsString();
    }

    private JsonPrimitive primitive(String expected, String what) {
        if (!type.equals(expected) || !data.isJsonPrimitive()) {
            throw notA(expected, what);
        }
        return data.getAsJsonPrimitive();
    }

    private InvalidRequestException notA(String expected, String what) {
        return new InvalidRequestException(what + " is a " + type + ", not a " + expected);
    }

    /** A count; a negative {@code value} is read as unsigned, as {@link #identifier} gives it. */
    static JsonObject ofCount(long value) {
        return value("count", new JsonPrimitive(value >= 0 ? value : new BigInteger(Long.toUnsignedString(value))));
    }

    static JsonObject ofString(String value) {
        return value("string", new JsonPrimitive(value));
    }

    /** An interval in whole seconds, else whole milliseconds, else nanoseconds. */
    static JsonObject ofTimespan(Duration value) {
        long nanos = value.toNanos();
        String text = nanos % 1_000_000_000L == 0 ? nanos / 1_000_000_000L + "s"
                : nanos % 1_000_000L == 0 ? nanos / 1_000_000L + "ms" : nanos + "ns";
        return value("timespan", new JsonPrimitive(text));
    }

    static JsonObject ofVector(List<? extends JsonElement> elements) {
        JsonArray array = new JsonArray(elements.size());
        elements.forEach(array::add);
        return value("vector", array);
    }

    private static JsonObject value(String type, JsonElement data) {
        JsonObject object = new JsonObject();
        object.addProperty("@data-type", type);
        object.add("data", data);
        return object;
    }

    /** The value as Zeek sent it. */
    JsonObject json() {
        return value(type, data.deepCopy());
    }
}
