package org.dumbno.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Requests built to be refused, or at least to stress the reader: EOS injection in every field,
 * wrong JSON types, huge numbers, invalid UTF-8 (overlong forms, surrogates, truncated sequences),
 * control characters, deep nesting and broken structure. Where the generator knows the request is
 * invalid it says so; valid requests dressed in odd but legal JSON keep their spec's expectation.
 */
final class BadRequests {
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xc0, (byte) 0x80}, {(byte) 0xc1, (byte) 0xbf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xed, (byte) 0xbf, (byte) 0xbf},
        {(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0xaf}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xfc, (byte) 0x84, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xfe}, {(byte) 0xff},
        {(byte) 0x80}, {(byte) 0xbf}, {(byte) 0xc2}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
    };
    private static final String[] NOT_OBJECTS = {"[]", "[{\"src\":\"1.2.3.4\"}]", "\"{\\\"src\\\":\\\"1.2.3.4\\\"}\"",
        "42", "true", "null", "\"ok\"", "ok", "{", "}", "\u0000", "{\"src\":\"1.2.3.4\"", "[\"src\",\"1.2.3.4\"]"};
    private static final String[] NOTHING_NAMED = {"{}", "{\"proto\":\"tcp\"}", "{\"note\":\"x\"}",
        "{\"src\":null,\"dst\":\"\",\"sport\":0,\"dport\":\"0\",\"proto\":\"udp\"}", "{\"proto\":6,\"sport\":null}",
        "{\"SRC\":\"1.2.3.4\"}", "{\"src \":\"1.2.3.4\"}"};
    private static final String[] BROKEN = {"{'src':'1.2.3.4'}", "{src:\"1.2.3.4\"}", "{\"src\":\"1.2.3.4\",}",
        "{\"src\" \"1.2.3.4\"}", "{\"src\":\"1.2.3.4\",\"x\":NaN}", "{\"src\":\"1.2.3.4\",\"x\":Infinity}",
        "{\"src\":\"1.2.3.4\" /* c */}", "{\"src\":\"1.2.3.4\"} // c", "{\"src\":\"1.2.3.4\";\"dport\":80}",
        "{\"src\"=\"1.2.3.4\"}", "{\"src\":\"1.2.3.4\",,\"dst\":\"5.6.7.8\"}", "{\"src\":'1.2.3.4'}",
        "{\"src\":\"1.2.3.4\",\"x\":01}", "{\"src\":\"1.2.3.4\",\"x\":.5}", "{\"src\":\"1.2.3.4\",\"x\":\"\\x41\"}"};
    private static final String[] TRAILERS = {"x", "}", "{}", ",", "]", "\"a\"", "1", "null", "//c", "/* */", "#", "\u0000"};
    private static final String SEPARATORS = "\u0000\u0001\u000b\u000c\u001b\u001f\u007f\u00a0\u2028\u3000\ufeff";

    private final SplittableRandom random;
    private final DatagramGenerator generator;

    BadRequests(SplittableRandom random, DatagramGenerator generator) {
        this.random = random;
        this.generator = generator;
    }

    /** A datagram of the kind {@code pick} (0-35) selects. */
    Datagram next(int pick) {
        if (pick < 12) {
            return injection();
        } else if (pick < 18) {
            return wrongType();
        } else if (pick < 25) {
            return unicode();
        } else if (pick < 29) {
            return control();
        } else if (pick < 32) {
            return nested();
        }
        return structure();
    }

    private Datagram injection() {
        Spec spec = Spec.random(random);
        Map<String, String> members = Shapes.members(random, spec, 1);
        String field = Shapes.pick(random, "src", "dst", "proto", "sport", "dport");
        String value;
        if ((field.equals("src") || field.equals("dst")) && random.nextBoolean()) {
            String address = Spec.address(random, random.nextBoolean(), false);
            int at = random.nextInt(address.length() + 1);
            char breaker = Hostile.BREAKERS.charAt(random.nextInt(Hostile.BREAKERS.length()));
            value = JsonText.string(random, address.substring(0, at) + breaker + address.substring(at));
        } else {
            value = hostile(field);
        }
        members.put(field, value);
        return invalid("injection-" + field, Shapes.render(random, members));
    }

    private String hostile(String field) {
        List<String> values = switch (field) {
            case "src", "dst" -> Hostile.ADDRESSES;
            case "proto" -> Hostile.PROTOCOLS;
            default -> Hostile.PORTS;
        };
        return values.get(random.nextInt(values.size()));
    }

    private Datagram wrongType() {
        Spec spec = Spec.random(random);
        Map<String, String> members = Shapes.members(random, spec, 1);
        String field = Shapes.pick(random, "src", "dst", "proto", "sport", "dport");
        boolean address = field.equals("src") || field.equals("dst");
        String value = switch (random.nextInt(4)) {
            case 0 -> Shapes.pick(random, "true", "false", "[]", "{}", "[1]", "{\"a\":[{}]}", "[null]");
            case 1 -> Hostile.hugeNumber(random, (address || field.equals("proto") ? 4 : 6) + random.nextInt(400),
                    random.nextBoolean());
            case 2 -> "-" + Hostile.hugeNumber(random, 1 + random.nextInt(30), false);
            default -> Shapes.pick(random, "1.5", "1e2", "0.0", "2.5E-3", "6e0", "80.000", "1e-400", "-0.0");
        };
        if (address && value.startsWith("\"")) {
            value = Shapes.pick(random, "1", "16909060", "true");
        }
        members.put(field, value);
        return invalid("wrong-type-" + field, Shapes.render(random, members));
    }

    private Datagram unicode() {
        Spec spec = Spec.random(random);
        Map<String, String> members = Shapes.members(random, spec, 1);
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] bytes = DatagramGenerator.utf8(Shapes.render(random, members));
                byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
                return new Datagram(DatagramGenerator.splice(bytes, random.nextInt(bytes.length + 1), 0, bad),
                        "invalid-utf8", Expect.INVALID, null);
            }
            case 1 -> {
                members.put("note", JsonText.string(random, "日本語 😀 \uFFFE\u2028 é" + JsonText.text(random)));
                members.put("lone", Shapes.pick(random, "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\""));
                return generator.fromSpec("unicode-extras", spec, members);
            }
            case 2 -> {
                String address = Spec.address(random, spec.ipv6(), false);
                String odd = Shapes.pick(random, "😀", "é", "\uFFFE", "\u0661", "\uFF11", "\u2024", "\u00b7", "\u0131");
                members.put(random.nextBoolean() ? "src" : "dst", JsonText.string(random, address + odd));
                return invalid("unicode-address", Shapes.render(random, members));
            }
            default -> {
                byte[] bytes = DatagramGenerator.utf8("\uFEFF" + Shapes.render(random, members));
                return new Datagram(bytes, "bom", Expect.EITHER, null);
            }
        }
    }

    private Datagram control() {
        Spec spec = Spec.random(random);
        Map<String, String> members = Shapes.members(random, spec, 1);
        char control = (char) (random.nextInt(33) == 32 ? 0x7f : random.nextInt(32));
        switch (random.nextInt(3)) {
            case 0 -> {
                String field = random.nextBoolean() ? "src" : "dst";
                String address = Spec.address(random, spec.ipv6(), false);
                int at = random.nextInt(address.length() + 1);
                members.put(field, "\"" + address.substring(0, at) + control + address.substring(at) + "\"");
                return invalid("control-in-" + field, Shapes.render(random, members));
            }
            case 1 -> {
                String text = Shapes.render(random, members);
                char separator = SEPARATORS.charAt(random.nextInt(SEPARATORS.length()));
                int at = 1 + random.nextInt(Math.max(1, text.indexOf('"', 1)));
                return invalid("control-between-tokens", text.substring(0, at) + separator + text.substring(at));
            }
            default -> {
                members.put("note", "\"a" + control + "b\"");
                if (control == 0x7f) {
                    return generator.fromSpec("delete-in-extra", spec, members);
                }
                return invalid("control-in-extra", Shapes.render(random, members));
            }
        }
    }

    private Datagram nested() {
        Spec spec = Spec.random(random);
        Map<String, String> members = Shapes.members(random, spec, 6);
        switch (random.nextInt(3)) {
            case 0 -> {
                members.put("conn", JsonText.value(random, 8));
                members.put("deep", JsonText.deep(1 + random.nextInt(200)));
                return generator.fromSpec("nested-extras", spec, members);
            }
            case 1 -> {
                members.put("deep", JsonText.deep(300 + random.nextInt(400)));
                return new Datagram(DatagramGenerator.utf8(Shapes.render(random, members)), "nested-very-deep",
                        Expect.EITHER, null);
            }
            default -> {
                String field = Shapes.pick(random, "src", "dst", "proto", "sport", "dport");
                members.put(field, random.nextBoolean() ? "{\"v\":" + members.getOrDefault(field, "1") + "}"
                        : "[" + JsonText.deep(1 + random.nextInt(20)) + "]");
                return invalid("nested-in-" + field, Shapes.render(random, members));
            }
        }
    }

    private Datagram structure() {
        Spec spec = Spec.random(random);
        Map<String, String> members = Shapes.members(random, spec, 1);
        String text = Shapes.render(random, members);
        return switch (random.nextInt(8)) {
            case 0 -> invalid("not-an-object", NOT_OBJECTS[random.nextInt(NOT_OBJECTS.length)]);
            case 1 -> invalid("nothing-named", NOTHING_NAMED[random.nextInt(NOTHING_NAMED.length)]);
            case 2 -> invalid("broken-syntax", BROKEN[random.nextInt(BROKEN.length)]);
            case 3 -> invalid("trailing-data", text + JsonText.space(random) + TRAILERS[random.nextInt(TRAILERS.length)]);
            case 4 -> duplicateKey(members, text);
            case 5 -> mixedFamilies();
            case 6 -> wrongIcmp();
            default -> portWithoutPorts();
        };
    }

    private Datagram duplicateKey(Map<String, String> members, String text) {
        String key = Shapes.pick(random, "src", "dst", "proto", "sport", "dport");
        String value = members.get(key) != null ? members.get(key) : "null";
        StringBuilder joined = new StringBuilder(text.substring(0, text.lastIndexOf('}')).stripTrailing());
        int copies = members.get(key) != null ? 1 : 2;
        for (int i = 0; i < copies; i++) {
            joined.append(joined.toString().endsWith("{") ? "" : ",").append(JsonText.member(random, key, value));
        }
        return invalid("duplicate-key", joined + "}");
    }

    private Datagram mixedFamilies() {
        boolean v6First = random.nextBoolean();
        String src = Spec.address(random, v6First, false);
        String dst = Spec.address(random, !v6First, false);
        return invalid("mixed-families", "{\"src\":\"" + src + "\",\"dst\":\"" + dst + "\"}");
    }

    private Datagram wrongIcmp() {
        boolean ipv6 = random.nextBoolean();
        String proto = ipv6 ? Shapes.pick(random, "\"icmp\"", "1", "\"ICMP\"") : Shapes.pick(random, "\"icmpv6\"", "58");
        String side = random.nextBoolean() ? "src" : "dst";
        return invalid("wrong-icmp", "{\"" + side + "\":\"" + Spec.address(random, ipv6, false) + "\",\"proto\":" + proto + "}");
    }

    private Datagram portWithoutPorts() {
        boolean ipv6 = random.nextBoolean();
        String proto = Shapes.pick(random, "null", "\"ip\"", "0", "\"gre\"", "47", "255", "\"ospf\"",
                ipv6 ? "\"icmpv6\"" : "\"icmp\"");
        String port = random.nextBoolean() ? "\"sport\"" : "\"dport\"";
        return invalid("port-without-ports", "{\"src\":\"" + Spec.address(random, ipv6, false) + "\",\"proto\":"
                + proto + "," + port + ":" + Spec.port(random) + "}");
    }

    private static Datagram invalid(String kind, String text) {
        return new Datagram(text.getBytes(StandardCharsets.UTF_8), kind, Expect.INVALID, null);
    }
}
