package org.dumbno.rule;

import inet.ipaddr.IPAddress;
import java.util.Set;
import org.dumbno.client.FlowRequest;
import org.dumbno.client.Op;

/**
 * A validated request from a sensor to shunt a flow. A null address, {@link Protocol#ANY} and port
 * 0 mean "any"; at least one of the addresses and ports is named, so a request never shunts
 * everything. Addresses are single, specified and of one family; ports only come with tcp, udp or
 * sctp (tcp or udp with IPv6, where EOS has no sctp keyword). An IPv6 spelling of an IPv4 address ({@code ::ffff:10.0.0.1}, {@code ::10.0.0.1}) is
 * refused: the IPv4 address must be sent as such, so that every check sees it as IPv4.
 */
public record Request(IPAddress src, IPAddress dst, Protocol proto, int sport, int dport) {

    public Request {
        proto = proto == null ? Protocol.ANY : proto;
        src = checkAddress("src", src);
        dst = checkAddress("dst", dst);
        checkPort("sport", sport);
        checkPort("dport", dport);
        if (src == null && dst == null && sport == 0 && dport == 0) {
            throw new InvalidRequestException("request must name at least one of src, dst, sport, dport");
        }
        if (src != null && dst != null && src.isIPv6() != dst.isIPv6()) {
            throw InvalidRequestException.of("dst", Addresses.text(dst),
                    "is not of the address family of src (" + Addresses.text(src) + ")");
        }
        Family family = family(src, dst, proto);
        Rule.checkProtocolFamily(family, proto);
        Rule.checkPorts(family, proto, sport, dport);
    }

    private static IPAddress checkAddress(String field, IPAddress address) {
        if (address == null) {
            return null;
        }
        IPAddress host = address.withoutPrefixLength();
        if (host.isMultiple()) {
            throw InvalidRequestException.of(field, address, "must be a single address, not a prefix");
        }
        if (host.isUnspecified()) {
            throw InvalidRequestException.of(field, Addresses.text(host),
                    "is the unspecified address; leave " + field + " out to mean any");
        }
        EmbeddedIPv4.of(host).ifPresent(embedded -> {
            throw InvalidRequestException.of(field, host.toIPv6().toMixedString(), "is an "
                    + embedded.kind() + " address: send " + Addresses.text(embedded.ipv4()));
        });
        return host;
    }

    private static void checkPort(String field, int port) {
        if (port < 0 || port > 65535) {
            throw InvalidRequestException.of(field, port, "must be 1-65535");
        }
    }

    private static Family family(IPAddress src, IPAddress dst, Protocol proto) {
        IPAddress known = src != null ? src : dst;
        if (known != null) {
            return Addresses.family(known);
        }
        return proto.equals(Protocol.ICMPV6) ? Family.IPV6 : Family.IP;
    }

    /**
     * Reads one datagram: a UTF-8 JSON object of at most 1500 bytes with the optional keys
     * {@code src}, {@code dst}, {@code proto}, {@code sport}, {@code dport}; unknown keys ignored.
     * Its {@code op} is checked too; {@link Order#parse(byte[])} tells it.
     *
     * @throws InvalidRequestException with a reason fit to send back to the sensor
     */
    public static Request parse(byte[] datagram) {
        return RequestReader.read(datagram).request();
    }

    /**
     * A request from command-line style values: null or empty strings and null or 0 ports mean any;
     * validated exactly like a datagram. {@link #builder()} names each part instead.
     */
    public static Request of(String src, String dst, String proto, Integer sport, Integer dport) {
        return new Request(
                src == null || src.isEmpty() ? null : Addresses.host("src", src),
                dst == null || dst.isEmpty() ? null : Addresses.host("dst", dst),
                proto == null || proto.isEmpty() ? Protocol.ANY : Protocol.parse(proto),
                sport == null ? 0 : sport,
                dport == null ? 0 : dport);
    }

    /**
     * A request built part by part, what is left out meaning any:
     * {@code Request.builder().src("10.1.2.3").proto("tcp").dport(443).build()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Request}; every part is optional, but the request must name one address or port. */
    public static final class Builder {
        private String src;
        private String dst;
        private String proto;
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

        /** The protocol: a name ({@code tcp}, {@code udp}, {@code icmp}, ...) or a number 0-255. */
        public Builder proto(String protocol) {
            this.proto = protocol;
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
         * The request, validated exactly like a datagram.
         *
         * @throws InvalidRequestException naming the bad part, as {@code dport (70000) must be 1-65535}
         */
        public Request build() {
            return of(src, dst, proto, sport, dport);
        }
    }

    /** The family of the addresses (IPv4 when there are none, unless the protocol is icmpv6). */
    public Family family() {
        return family(src, dst, proto);
    }

    /** The rule that shunts this flow. */
    public Rule toRule() {
        return new Rule(family(), proto, endpoint(src, sport), endpoint(dst, dport), Set.of());
    }

    /**
     * The rule that shunts this flow, or, when src or dst is one of {@code twoTupleHosts}, the
     * host-pair rule {@code ip|ipv6 host SRC host DST} without protocol and ports.
     */
    public Rule toRule(Set<IPAddress> twoTupleHosts) {
        if (isTwoTupleHost(src, twoTupleHosts) || isTwoTupleHost(dst, twoTupleHosts)) {
            return new Rule(family(), Protocol.ANY, endpoint(src, 0), endpoint(dst, 0), Set.of());
        }
        return toRule();
    }

    private static boolean isTwoTupleHost(IPAddress address, Set<IPAddress> hosts) {
        if (address == null) {
            return false;
        }
        for (IPAddress host : hosts) {
            if (host.withoutPrefixLength().equals(address)) {
                return true;
            }
        }
        return false;
    }

    private static Endpoint endpoint(IPAddress address, int port) {
        return new Endpoint(address, port);
    }

    /** This request as a client sends it. */
    public FlowRequest toFlowRequest() {
        return new FlowRequest(src == null ? null : Addresses.text(src), dst == null ? null : Addresses.text(dst),
                proto.number(), sport, dport);
    }

    /** The JSON object a client sends for this request; absent fields are null. */
    public String toJson() {
        return toJson(Op.ADD);
    }

    /** The JSON object for {@code op} on this request; {@code op} is written only when not add. */
    String toJson(Op op) {
        return toFlowRequest().toJson(op);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
