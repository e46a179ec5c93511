package org.dumbno.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of datagrams for a dumbno server: valid requests in the shapes the clients send,
 * the same mutated byte by byte, random bytes and text, and the hostile requests of
 * {@link BadRequests}. The same seed gives the same stream. Each datagram comes with what the
 * generator, knowing how it built it, expects of it.
 */
final class DatagramGenerator {
    /** The largest request the server reads. */
    static final int MAX_REQUEST = 1500;
    private static final String[] SOUP = {"{", "}", "[", "]", ":", ",", " ", "\"src\"", "\"dst\"", "\"proto\"",
        "\"sport\"", "\"dport\"", "\"1.2.3.4\"", "\"5.6.7.8\"", "\"2001:db8::1\"", "\"tcp\"", "\"udp\"", "80", "0",
        "null", "\"\"", "\"ip\"", "true", "-", ".", "e", "\"", "\\"};
    private static final byte[] INTERESTING = "\"{}[]:,\\ 0123456789.-e\u0000".getBytes(StandardCharsets.UTF_8);

    private final SplittableRandom random;
    private final BadRequests bad;
    private final Datagram[] recentValid = new Datagram[256];
    private int validCount;

    DatagramGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.bad = new BadRequests(random, this);
    }

    /** The next datagram of the stream. */
    Datagram next() {
        int pick = random.nextInt(100);
        if (pick < 22) {
            return valid();
        } else if (pick < 26) {
            return duplicate();
        } else if (pick < 46) {
            return mutated();
        } else if (pick < 54) {
            return randomBytes();
        } else if (pick < 60) {
            return printable();
        } else if (pick < 62) {
            return truncated();
        } else if (pick < 64) {
            return oversize();
        }
        return bad.next(pick - 64);
    }

    /** A valid request: an OK or REFUSED datagram for a fresh {@link Spec}. */
    Datagram valid() {
        Spec spec = Spec.random(random);
        Datagram datagram = fromSpec("valid", spec, Shapes.members(random, spec, 2));
        if (datagram.expect() == Expect.OK || datagram.expect() == Expect.REFUSED) {
            recentValid[validCount++ % recentValid.length] = datagram;
        }
        return datagram;
    }

    /** The datagram for {@code spec} written as {@code members}: what the spec predicts, if it fits. */
    Datagram fromSpec(String kind, Spec spec, Map<String, String> members) {
        byte[] bytes = utf8(Shapes.render(random, members));
        if (bytes.length > MAX_REQUEST) {
            return new Datagram(bytes, kind, Expect.INVALID, null);
        }
        return new Datagram(bytes, kind, spec.refused() ? Expect.REFUSED : Expect.OK, spec.rule());
    }

    private Datagram duplicate() {
        if (validCount == 0) {
            return valid();
        }
        Datagram earlier = recentValid[random.nextInt(Math.min(validCount, recentValid.length))];
        return new Datagram(earlier.bytes(), "duplicate", earlier.expect(), earlier.rule());
    }

    private Datagram mutated() {
        byte[] bytes = valid().bytes();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            bytes = mutate(bytes);
        }
        return classified("mutated", bytes);
    }

    private byte[] mutate(byte[] bytes) {
        int n = bytes.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        byte[] out;
        switch (random.nextInt(7)) {
            case 0 -> {
                out = bytes.clone();
                if (n > 0) {
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                out = bytes.clone();
                if (n > 0) {
                    out[at] = random.nextBoolean() ? (byte) random.nextInt(256)
                            : INTERESTING[random.nextInt(INTERESTING.length)];
                }
            }
            case 2 -> {
                byte inserted = random.nextBoolean() ? (byte) random.nextInt(256)
                        : INTERESTING[random.nextInt(INTERESTING.length)];
                out = splice(bytes, at, 0, new byte[] {inserted});
            }
            case 3 -> out = splice(bytes, at, Math.min(n - at, 1 + random.nextInt(8)), new byte[0]);
            case 4 -> out = java.util.Arrays.copyOf(bytes, at);
            case 5 -> {
                int length = Math.min(n - at, 1 + random.nextInt(16));
                byte[] chunk = java.util.Arrays.copyOfRange(bytes, at, at + length);
                out = splice(bytes, n == 0 ? 0 : random.nextInt(n), 0, chunk);
            }
            default -> {
                out = bytes.clone();
                if (n > 1) {
                    int other = random.nextInt(n);
                    byte swap = out[at];
                    out[at] = out[other];
                    out[other] = swap;
                }
            }
        }
        return out;
    }

    static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    private Datagram randomBytes() {
        int length = random.nextBoolean() ? random.nextInt(2001) : random.nextInt(65);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length > 0 && random.nextBoolean()) {
            bytes[0] = '{';
        }
        return classified("random-bytes", bytes);
    }

    private Datagram printable() {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(120);
        boolean soup = random.nextBoolean();
        while (out.length() < length) {
            out.append(soup ? SOUP[random.nextInt(SOUP.length)] : Character.toString(0x20 + random.nextInt(0x5f)));
        }
        return classified(soup ? "token-soup" : "printable", utf8(out.toString()));
    }

    private Datagram truncated() {
        byte[] whole = utf8(new String(valid().bytes(), StandardCharsets.UTF_8).strip());
        byte[] bytes = java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
        return new Datagram(bytes, "truncated", Expect.INVALID, null);
    }

    private Datagram oversize() {
        Spec spec = Spec.random(random);
        Map<String, String> members = Shapes.members(random, spec, 1);
        int padding = MAX_REQUEST + 1 + random.nextInt(500);
        members.put("padding", "\"" + "x".repeat(padding) + "\"");
        byte[] bytes = utf8(Shapes.render(random, members));
        return new Datagram(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 2000)),
                "oversize", Expect.INVALID, null);
    }

    /**
     * What can be told of bytes made at random: nothing, unless they are empty, too large or hold no
     * {@code '{'} (a request is a JSON object).
     */
    static Datagram classified(String kind, byte[] bytes) {
        boolean hasBrace = false;
        for (byte b : bytes) {
            hasBrace |= b == '{';
        }
        boolean invalid = bytes.length == 0 || bytes.length > MAX_REQUEST || !hasBrace;
        return new Datagram(bytes, kind, invalid ? Expect.INVALID : Expect.EITHER, null);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
