package org.dumbno.client;

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
     * @throws IllegalArgumentException any other word, as {@code op (drop) must be add or remove}
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
        throw new IllegalArgumentException("op (" + text + ") must be add or remove");
    }
}
