package org.dumbno.eos.sim;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * What one command gives back, taken while the switch's lock is held, either as its JSON object or
 * as the JSON text that object prints as, in UTF-8: a large show is written straight from the
 * switch's state, without the tree of one object per entry that {@link #tree()} builds.
 */
interface Result {

    /** The result as a JSON object. */
    JsonObject tree();

    /** The result as JSON text in UTF-8, exactly as {@link #tree()} prints; a new array each time. */
    byte[] json();

    /** {@code {}}, what a configuration command gives in JSON. */
    Result EMPTY = new Result() {
        @Override
        public JsonObject tree() {
            return new JsonObject();
        }

        @Override
        public byte[] json() {
            return new byte[] {'{', '}'};
        }
    };

    /** A result that is a small object built anyway. */
    static Result of(JsonObject tree) {
        return new Result() {
            @Override
            public JsonObject tree() {
                return tree;
            }

            @Override
            public byte[] json() {
                return tree.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
