package org.dumbno.client;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One request as a client sends it: the JSON object of dumbno's wire protocol, and its signature.
 * Addresses are IP literals held in canonical text (dotted quad, RFC 5952 IPv6), null for any;
 * {@code proto} is the IP protocol number, 0 for any; ports are 0 for any.
 *
 * <p>A client refuses here what it cannot send faithfully: an address that is not a literal (it
 * never resolves names), an IPv6 spelling of an IPv4 address, a port or protocol out of range, a
 * request that names nothing. Everything else is the server's to judge: it answers
 * {@code error: <reason>}.
 *
 * @param src source address, or null for any
 * @param dst destination address, or null for any
 * @param proto IP protocol number 0-255, 0 for any
 * @param sport source port 0-65535, 0 for any
 * @param dport destination port 0-65535, 0 for any
 */
public record FlowRequest(String src, String dst, int proto, int sport, int dport) {
    /** The first line of every canonical request string: the version of the signing scheme. */
    public static final String SIGNATURE_VERSION = "dumbno-v1";
    /** The shortest signing key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private static final int ICMPV6 = 58;
    private static final String ALGORITHM = "HmacSHA256";

    /** The names EOS and the wire protocol use for protocol numbers (besides ip/ipv6 for any). */
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ahp", 51),
            Map.entry("icmpv6", ICMPV6), Map.entry("ospf", 89), Map.entry("pim", 103),
            Map.entry("vrrp", 112), Map.entry("sctp", 132));

    /**
     * Validates and canonicalizes.
     *
     * @throws IllegalArgumentException naming the field and value, as {@code dport (70000) must be
     *     1-65535}
     */
    public FlowRequest {
        src = address("src", src);
        dst = address("dst", dst);
        if (proto < 0 || proto > 255) {
            throw refusal("proto", proto, "must be 0-255");
        }
        checkPort("sport", sport);
        checkPort("dport", dport);
        if (src == null && dst == null && sport == 0 && dport == 0) {
            throw new IllegalArgumentException("request must name at least one of src, dst, sport, dport");
        }
    }

    /**
     * A request from command-line style values, as the Python client takes them: null or empty
     * strings and null or 0 ports mean any; {@code proto} is a name ({@code ip}, {@code ipv6},
     * {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code sctp}, ...) or a number 0-255,
     * in any case. {@link #builder()} names each part instead.
     */
    public static FlowRequest of(String src, String dst, String proto, Integer sport, Integer dport) {
        return new FlowRequest(src, dst, protocol(proto), sport == null ? 0 : sport, dport == null ? 0 : dport);
    }

    /**
     * A request built part by part, what is left out meaning any:
     * {@code FlowRequest.builder().src("10.1.2.3").proto("tcp").dport(443).build()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FlowRequest}; every part is optional, but the request must name one address or port. */
    public static final class Builder {
        private String src;
        private String dst;
        private int proto;
        private int sport;
        private int dport;

        private Builder() {
        }

        /** The source address, an IPv4 or IPv6 literal. */
        public Builder src(String address) {
            this.src = address;
            return this;
        }

        /** The destination address, an IPv4 or IPv6 literal. */
        public Builder dst(String address) {
            this.dst = address;
            return this;
        }

        /**
         * The protocol: a name ({@code tcp}, {@code udp}, {@code icmp}, ...) or a number 0-255.
         *
         * @throws IllegalArgumentException a name EOS does not know, or a number out of range
         */
        public Builder proto(String protocol) {
            this.proto = protocol(protocol);
            return this;
        }

        /** The source port, 1-65535 (tcp, udp, sctp). */
        public Builder sport(int port) {
            this.sport = port;
            return this;
        }

        /** The destination port, 1-65535 (tcp, udp, sctp). */
        public Builder dport(int port) {
            this.dport = port;
            return this;
        }

        /**
         * The request, validated as every {@code FlowRequest} is.
         *
         * @throws IllegalArgumentException naming the bad part, as {@code dport (70000) must be 1-65535}
         */
        public FlowRequest build() {
            return new FlowRequest(src, dst, proto, sport, dport);
        }
    }

    private static String address(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        InetAddress address = IpLiterals.parse(text);
        if (address == null) {
            throw refusal(field, text, "is not an IPv4 or IPv6 address literal");
        }
        if (IpLiterals.isMappedIPv4(text, address)) {
            throw refusal(field, text, "is an IPv4-mapped address: send " + IpLiterals.text(address));
        }
        if (IpLiterals.isCompatibleIPv4(address)) {
            byte[] ipv4 = Arrays.copyOfRange(address.getAddress(), 12, 16);
            throw refusal(field, text, "is an IPv4-compatible address: send "
                    + (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff));
        }
        if (address.isAnyLocalAddress()) {
            throw refusal(field, text, "is the unspecified address; leave " + field + " out to mean any");
        }
        return IpLiterals.text(address);
    }

    private static int protocol(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String name = text.toLowerCase(Locale.ROOT);
        if (name.equals("ip") || name.equals("ipv6")) {
            return 0;
        }
        Integer known = PROTOCOLS.get(name);
        if (known != null) {
            return known;
        }
        if (name.length() <= 3 && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(name);
        }
        throw refusal("proto", text, "must be a protocol name (tcp, udp, icmp, ...) or a number 0-255");
    }

    private static void checkPort(String field, int port) {
        if (port < 0 || port > 65535) {
            throw refusal(field, port, "must be 1-65535");
        }
    }

    private static IllegalArgumentException refusal(String field, Object value, String problem) {
        return new IllegalArgumentException(field + " (" + value + ") " + problem);
    }

    /** Whether the addresses are IPv6 (or, with none, the protocol is icmpv6). */
    public boolean isIPv6() {
        String known = src != null ? src : dst;
        return known != null ? known.indexOf(':') >= 0 : proto == ICMPV6;
    }

    /** The protocol's name: {@code ip} or {@code ipv6} for any, the EOS name when there is one, else the number. */
    public String protoKeyword() {
        if (proto == 0) {
            return isIPv6() ? "ipv6" : "ip";
        }
        for (Map.Entry<String, Integer> entry : PROTOCOLS.entrySet()) {
            if (entry.getValue() == proto) {
                return entry.getKey();
            }
        }
        return Integer.toString(proto);
    }

    /**
     * The datagram's JSON object, every key present and absent fields null:
     * {@code {"src":"10.1.2.3","dst":null,"proto":"tcp","sport":null,"dport":443}}. Every value is
     * a canonical literal, a protocol name or a number, so none needs escaping.
     */
    public String toJson() {
        return toJson(Op.ADD);
    }

    /**
     * The datagram's JSON object for {@code op}: {@link #toJson()}, with {@code "op":"remove"} first
     * for a removal. An add carries no {@code op}, so that servers that predate it read it as ever.
     */
    public String toJson(Op op) {
        return "{" + fields(op) + "}";
    }

    private String fields(Op op) {
        return (op == Op.ADD ? "" : "\"op\":\"" + op.wireName() + "\",") + "\"src\":" + quoted(src) + ",\"dst\":" + quoted(dst) + ",\"proto\":" + quoted(protoKeyword())
                + ",\"sport\":" + number(sport) + ",\"dport\":" + number(dport);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static String number(int port) {
        return port == 0 ? "null" : Integer.toString(port);
    }

    /**
     * The canonical string a signature is the HMAC-SHA256 of: {@value #SIGNATURE_VERSION}, src,
     * dst (empty for any), the protocol (empty for any, else {@link #protoKeyword()}), sport, dport
     * (0 for any) and {@code ts}, joined by {@code \n}.
     */
    public String canonical(long ts) {
        return canonical(Op.ADD, ts);
    }

    /**
     * The canonical string of {@code op} on this request: {@link #canonical(long)}, with an eighth
     * line {@code remove} for a removal, so that no signed add can be turned into a removal of the
     * same flow.
     */
    public String canonical(Op op, long ts) {
        String add = String.join("\n", SIGNATURE_VERSION, src == null ? "" : src, dst == null ? "" : dst,
                proto == 0 ? "" : protoKeyword(), Integer.toString(sport), Integer.toString(dport),
                Long.toString(ts));
        return op == Op.ADD ? add : add + "\n" + op.wireName();
    }

    /**
     * The datagram signed with {@code key} at {@code ts} (whole unix seconds): the fields of
     * {@link #toJson()} plus {@code ts} and {@code sig}, the lower-case hex HMAC-SHA256 of
     * {@link #canonical(long)}.
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_KEY_BYTES} bytes
     *     or {@code ts} is negative
     */
    public String toSignedJson(byte[] key, long ts) {
        return toSignedJson(Op.ADD, key, ts);
    }

    /**
     * The datagram of {@code op} on this request signed with {@code key} at {@code ts}: the fields
     * of {@link #toJson(Op)} plus {@code ts} and {@code sig}, the HMAC-SHA256 of
     * {@link #canonical(Op, long)}.
     *
     * @throws IllegalArgumentException as {@link #toSignedJson(byte[], long)}
     */
    public String toSignedJson(Op op, byte[] key, long ts) {
        checkKey(key);
        if (ts < 0) {
            throw refusal("ts", ts, "must be whole unix seconds");
        }
        return "{" + fields(op) + ",\"ts\":" + ts + ",\"sig\":\"" + HexFormat.of().formatHex(hmac(key, canonical(op, ts))) + "\"}";
    }

    /** Refuses a signing key shorter than {@value #MIN_KEY_BYTES} bytes. */
    static void checkKey(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the secret must be at least " + MIN_KEY_BYTES + " bytes long");
        }
    }

    /**
     * The HMAC-SHA256 of {@code canonical} under {@code key}: what {@code sig} holds, in hex, for
     * the canonical string of {@link #canonical(Op, long)}. The server checks signatures with it.
     */
    public static byte[] hmac(byte[] key, String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }
}
