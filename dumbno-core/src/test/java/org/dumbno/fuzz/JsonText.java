package org.dumbno.fuzz;

import java.util.SplittableRandom;

/** JSON text written by hand, so that the generator controls every byte: spacing, escapes, nesting. */
final class JsonText {
    private static final String[] SPACES = {"", "", "", " ", " ", "  ", "\t", "\n", "\r\n", " \n  "};
    /** Valid text beyond ASCII: accents, CJK, an emoji (a surrogate pair), a noncharacter, a BOM. */
    private static final String[] UNICODE = {"é", "ß", "Ω", "日本", "😀", "\uFFFE", "\uFEFF", "\u2028", "中文字", "𝄞"};

    private JsonText() {
    }

    /** Whitespace JSON allows between tokens, usually none. */
    static String space(SplittableRandom random) {
        return SPACES[random.nextInt(SPACES.length)];
    }

    /** A JSON string for {@code text}; now and then a character written as a {@code \\uXXXX} escape. */
    static String string(SplittableRandom random, String text) {
        boolean escapes = random.nextInt(10) == 0;
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || escapes && random.nextInt(3) == 0) {
                String hex = Integer.toHexString(c);
                out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
            } else if (c == '/' && escapes) {
                out.append("\\/");
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A JSON object of {@code members} ({@code "key": value} texts), spaced at random. */
    static String object(SplittableRandom random, java.util.List<String> members) {
        StringBuilder out = new StringBuilder("{").append(space(random));
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(space(random)).append(',').append(space(random));
            }
            out.append(members.get(i));
        }
        return out.append(space(random)).append('}').toString();
    }

    /** One member: the key as a JSON string, a colon, the value text. */
    static String member(SplittableRandom random, String key, String value) {
        return string(random, key) + space(random) + ":" + space(random) + value;
    }

    /** A random valid JSON value nested at most {@code depth} deep, with no duplicate keys. */
    static String value(SplittableRandom random, int depth) {
        int pick = random.nextInt(depth > 0 ? 10 : 8);
        return switch (pick) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Integer.toString(random.nextInt());
            case 3 -> random.nextInt(1000) + "." + random.nextInt(1000) + (random.nextBoolean() ? "e-7" : "");
            case 4 -> "-" + random.nextInt(1000) + "E+" + random.nextInt(20);
            case 5, 6 -> string(random, text(random));
            case 7 -> random.nextBoolean() ? "\"\\ud800\"" : "\"\\udfff\\ud83d\\ude00x\"";
            case 8 -> array(random, depth - 1);
            default -> nested(random, depth - 1);
        };
    }

    private static String array(SplittableRandom random, int depth) {
        StringBuilder out = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.append(i > 0 ? "," + space(random) : "").append(value(random, depth));
        }
        return out.append(']').toString();
    }

    private static String nested(SplittableRandom random, int depth) {
        java.util.List<String> members = new java.util.ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            members.add(member(random, "k" + i, value(random, depth)));
        }
        return object(random, members);
    }

    /** Short text: letters, digits, punctuation and valid characters beyond ASCII. */
    static String text(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            if (pick == 0) {
                out.append(UNICODE[random.nextInt(UNICODE.length)]);
            } else if (pick == 1) {
                out.append("\"\\/\n\t".charAt(random.nextInt(5)));
            } else {
                out.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return out.toString();
    }

    /** Arrays nested {@code depth} deep: {@code [[[...]]]}. */
    static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
