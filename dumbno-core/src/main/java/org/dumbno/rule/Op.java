package org.dumbno.rule;

import java.util.Locale;

/** What a request asks for: the {@code "op"} key of a datagram, {@code add} when absent. */
public enum Op {
    /** Shunt the flow: write its rule into every list of its family. */
    ADD,
    /** Take the shunt away: remove its rule from every list of its family. */
    REMOVE;

    /** The word on the wire: {@code add} or {@code remove}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The op a datagram names; null and empty mean {@link #ADD}, case does not matter.
     *
     * @throws InvalidRequestException any other word
     */
    public static Op parse(String text) {
        if (text == null || text.isEmpty()) {
            return ADD;
        }
        for (Op op : values()) {
            if (op.wireName().equalsIgnoreCase(text)) {
                return op;
            }
        }
        throw InvalidRequestException.of("op", text, "must be add or remove");
    }
}
