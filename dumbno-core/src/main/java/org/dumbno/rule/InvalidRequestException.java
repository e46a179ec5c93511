package org.dumbno.rule;

/**
 * Bad input: a request, an address or a rule text that dumbno refuses. The message is safe to send
 * back to the sensor that asked: it names the field and the bad value, and every value it quotes is
 * escaped (no control characters) and cut to a short length.
 */
public final class InvalidRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** How many characters of a bad value a message quotes at most. */
    static final int MAX_QUOTED = 64;

    /** A refusal with a message already written for the requester. */
    public InvalidRequestException(String message) {
        super(message);
    }

    /**
     * A refusal of one field's value, worded {@code field (value) problem}, for example
     * {@code dport (70000) must be 1-65535}.
     */
    public static InvalidRequestException of(String field, Object value, String problem) {
        return new InvalidRequestException(field + " (" + quote(value) + ") " + problem);
    }

    /**
     * The value as a message may show it: non-printable and non-ASCII characters escaped as
     * {@code \\u} and four hex digits, at most {@value #MAX_QUOTED} characters, then {@code ...}.
     */
    public static String quote(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (out.length() >= MAX_QUOTED && text.length() > MAX_QUOTED) {
            out.setLength(MAX_QUOTED);
            out.append("...");
        }
        return out.toString();
    }
}
