package org.dumbno.eos.sim;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * What one command gives back, taken while the switch's lock is held, either as its JSON object or
 * written as JSON text: a large show is written straight from the switch's state, without the tree
 * of one object per entry that {@link #tree()} builds.
 */
interface Result {

    /** The result as a JSON object. */
    JsonObject tree();

    /** Writes the result, as {@link #tree()} would print, to {@code out}. */
    void write(JsonWriter out) throws IOException;

    /** A result that is a small object built anyway. */
    static Result of(JsonObject tree) {
        return new Result() {
            @Override
            public JsonObject tree() {
                return tree;
            }

            @Override
            public void write(JsonWriter out) throws IOException {
                if (tree.size() == 0) {
                    out.beginObject().endObject();
                } else {
                    out.jsonValue(tree.toString());
                }
            }
        };
    }
}
