package org.dumbno.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a {@link Spec} as the clients in use write it: the Python client ({@code null} for unset
 * fields), the Go client ({@code ""} and {@code 0}), the Zeek plugin (only set fields, real
 * numbers), or any mix of the spellings the contract allows; keys in any order, sometimes with
 * fields a newer client might add.
 */
final class Shapes {
    static final List<String> FIELDS = List.of("src", "dst", "proto", "sport", "dport");
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(1, "icmp"), Map.entry(2, "igmp"),
            Map.entry(6, "tcp"), Map.entry(17, "udp"), Map.entry(47, "gre"), Map.entry(50, "esp"),
            Map.entry(51, "ahp"), Map.entry(58, "icmpv6"), Map.entry(89, "ospf"), Map.entry(103, "pim"),
            Map.entry(112, "vrrp"), Map.entry(132, "sctp"));
    private static final String[] EXTRA_KEYS = {"note", "ts", "uid", "sensor", "v", "conn", "meta", "Src", "DPORT",
        "", "src ", "proto_", "日本", "\u0000", "sig", "ttl", "reason", "\uD83D\uDE00"};
    /** An absent field: no member at all. */
    static final String ABSENT = null;

    private enum Shape { PYTHON, GO, ZEEK, MIXED }

    private Shapes() {
    }

    /** The members of {@code spec}'s request, field name to JSON value text, in a random order. */
    static Map<String, String> members(SplittableRandom random, Spec spec, int extraDepth) {
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        Map<String, String> members = new LinkedHashMap<>();
        put(members, "src", address(random, shape, spec.src()));
        put(members, "dst", address(random, shape, spec.dst()));
        put(members, "proto", protocol(random, shape, spec));
        put(members, "sport", port(random, shape, spec.sport()));
        put(members, "dport", port(random, shape, spec.dport()));
        if (shape == Shape.ZEEK || random.nextInt(4) == 0) {
            int extras = 1 + random.nextInt(3);
            for (int i = 0; i < extras; i++) {
                members.putIfAbsent(EXTRA_KEYS[random.nextInt(EXTRA_KEYS.length)], JsonText.value(random, extraDepth));
            }
        }
        return shuffled(random, members);
    }

    /** The request text for {@code members}; a null value leaves its field out. */
    static String render(SplittableRandom random, Map<String, String> members) {
        List<String> texts = new ArrayList<>();
        members.forEach((key, value) -> {
            if (value != null) {
                texts.add(JsonText.member(random, key, value));
            }
        });
        return JsonText.object(random, texts);
    }

    private static void put(Map<String, String> members, String key, String value) {
        members.put(key, value);
    }

    private static Map<String, String> shuffled(SplittableRandom random, Map<String, String> members) {
        List<String> keys = new ArrayList<>(members.keySet());
        for (int i = keys.size() - 1; i > 0; i--) {
            Collections.swap(keys, i, random.nextInt(i + 1));
        }
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach(key -> out.put(key, members.get(key)));
        return out;
    }

    private static String address(SplittableRandom random, Shape shape, String address) {
        if (address != null) {
            return JsonText.string(random, address);
        }
        return switch (shape) {
            case PYTHON -> "null";
            case GO -> "\"\"";
            case ZEEK -> ABSENT;
            case MIXED -> pick(random, ABSENT, "null", "\"\"");
        };
    }

    private static String protocol(SplittableRandom random, Shape shape, Spec spec) {
        int proto = spec.proto();
        if (proto == 0) {
            return switch (shape) {
                case PYTHON -> pick(random, "null", "\"ip\"");
                case GO -> pick(random, "\"\"", "\"ip\"");
                case ZEEK -> pick(random, ABSENT, "\"ip\"");
                case MIXED -> pick(random, ABSENT, "null", "\"\"", "0", "\"0\"", "\"IP\"", "\"Ip\"",
                        spec.ipv6() ? "\"ipv6\"" : "\"ip\"", spec.ipv6() ? "\"IPv6\"" : "\"iP\"");
            };
        }
        String name = NAMES.get(proto);
        if (shape != Shape.MIXED) {
            return name != null ? JsonText.string(random, name) : Integer.toString(proto);
        }
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(proto);
            case 1 -> JsonText.string(random, Integer.toString(proto));
            default -> name == null ? Integer.toString(proto) : JsonText.string(random, randomCase(random, name));
        };
    }

    private static String port(SplittableRandom random, Shape shape, int port) {
        if (port != 0) {
            return shape == Shape.MIXED && random.nextBoolean() ? JsonText.string(random, Integer.toString(port))
                    : Integer.toString(port);
        }
        return switch (shape) {
            case PYTHON -> "null";
            case GO -> "0";
            case ZEEK -> ABSENT;
            case MIXED -> pick(random, ABSENT, "null", "\"\"", "0", "\"0\"");
        };
    }

    static String randomCase(SplittableRandom random, String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
