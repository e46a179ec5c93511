package org.dumbno.eos.sim;

import com.google.gson.JsonObject;

/**
 * What one command gives back, taken while the switch's lock is held, either as its JSON object or
 * as the JSON text that object prints as: a large show is written straight from the switch's state,
 * without the tree of one object per entry that {@link #tree()} builds.
 */
interface Result {

    /** The result as a JSON object. */
    JsonObject tree();

    /** The result as JSON text, exactly as {@link #tree()} prints. */
    String text();

    /** {@code {}}, what a configuration command gives in JSON. */
    Result EMPTY = new Result() {
        @Override
        public JsonObject tree() {
            return new JsonObject();
        }

        @Override
        public String text() {
            return "{}";
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
            public String text() {
                return tree.size() == 0 ? "{}" : tree.toString();
            }
        };
    }
}
