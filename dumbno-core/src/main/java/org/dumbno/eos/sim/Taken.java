package org.dumbno.eos.sim;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;

/**
 * The form a call's results are given back in: JSON objects, or their JSON text written straight
 * from the switch's state. A failed call gives the results before the failure as objects either way.
 *
 * @param <T> one result in this form
 */
interface Taken<T> {

    /** Results as JSON objects. */
    Taken<JsonObject> TREES = new Taken<>() {
        @Override
        public JsonObject take(Result result) {
            return result.tree();
        }

        @Override
        public JsonObject tree(JsonObject taken) {
            return taken;
        }
    };

    /** Results as JSON text in UTF-8, printed as {@link JsonObject#toString()} prints the tree. */
    Taken<byte[]> JSON = new Taken<>() {
        @Override
        public byte[] take(Result result) {
            return result.json();
        }

        @Override
        public JsonObject tree(byte[] taken) {
            return JsonParser.parseString(new String(taken, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    };

    /** The result in this form, taken before the next command changes what it shows. */
    T take(Result result);

    /** A result taken in this form as a JSON object. */
    JsonObject tree(T taken);
}
