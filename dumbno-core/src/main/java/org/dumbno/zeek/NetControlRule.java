package org.dumbno.zeek;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dumbno.rule.InvalidRequestException;
import org.dumbno.rule.Request;

/**
 * A NetControl {@code Rule} as dumbno reads it: a DROP with target MONITOR on a FLOW, a CONNECTION
 * or a single-host ADDRESS becomes the requests that shunt it (an address: one from it, one to it),
 * with the rule's {@code expire} as their hard timeout. Anything else is refused with a reason a
 * Zeek operator understands.
 *
 * @param id the rule's {@code id}, as Zeek matches replies by it
 * @param requests the shunts that make up the rule
 * @param expire the rule's hard timeout; empty when it has none
 */
record NetControlRule(String id, List<Request> requests, Optional<Duration> expire) {
    private static final int TY = 0;
    private static final int TARGET = 1;
    private static final int ENTITY = 2;
    private static final int EXPIRE = 3;
    private static final int MOD = 7;
    private static final int ID = 8;

    NetControlRule {
        requests = List.copyOf(requests);
    }

    static NetControlRule read(BrokerValue rule) {
        List<BrokerValue> fields = rule.vector("rule");
        if (fields.size() <= ID) {
            throw new InvalidRequestException("rule has " + fields.size() + " fields, not the 14 of NetControl::Rule");
        }
        String id = fields.get(ID).string("rule id");
        String ty = fields.get(TY).enumValue("rule type");
        if (!ty.equals("NetControl::DROP")) {
            throw new InvalidRequestException("rule type " + ty + " is not supported: dumbno only drops flows"
                    + " (NetControl::DROP)");
        }
        String target = fields.get(TARGET).enumValue("rule target");
        if (!target.equals("NetControl::MONITOR")) {
            throw new InvalidRequestException("target " + target + " is not supported: dumbno keeps flows from"
                    + " the monitoring tap only (NetControl::MONITOR)");
        }
        if (fields.size() > MOD && !fields.get(MOD).isNone()) {
            throw new InvalidRequestException("a rule with a modification (mod) is not supported");
        }
        Optional<Duration> expire = Optional.empty();
        if (!fields.get(EXPIRE).isNone()) {
            Duration duration = fields.get(EXPIRE).timespan("expire");
            expire = duration.isZero() || duration.isNegative() ? Optional.empty() : Optional.of(duration);
        }
        return new NetControlRule(id, entity(fields.get(ENTITY)), expire);
    }

    private static List<Request> entity(BrokerValue value) {
        List<BrokerValue> entity = value.vector("entity");
        String ty = field(entity, 0, "entity type").enumValue("entity type");
        switch (ty) {
            case "NetControl::FLOW":
                return List.of(flow(field(entity, 2, "entity flow").vector("flow")));
            case "NetControl::CONNECTION":
                return List.of(connection(field(entity, 1, "entity conn").vector("conn")));
            case "NetControl::ADDRESS":
                String host = host(field(entity, 3, "entity ip"), "ip");
                return List.of(Request.builder().src(host).build(), Request.builder().dst(host).build());
            default:
                throw new InvalidRequestException("entity type " + ty + " is not supported: dumbno shunts flows,"
                        + " connections and single addresses");
        }
    }

    private static BrokerValue field(List<BrokerValue> record, int index, String what) {
        if (record.size() <= index || record.get(index).isNone()) {
            throw new InvalidRequestException(what + " is not set");
        }
        return record.get(index);
    }

    private static Request flow(List<BrokerValue> flow) {
        for (int macField = 4; macField < flow.size(); macField++) {
            if (!flow.get(macField).isNone()) {
                throw new InvalidRequestException("a flow matching MAC addresses is not supported");
            }
        }
        String src = optionalHost(flow, 0, "src_h");
        String dst = optionalHost(flow, 2, "dst_h");
        Port sport = optionalPort(flow, 1, "src_p");
        Port dport = optionalPort(flow, 3, "dst_p");
        return request(src, dst, sport, dport);
    }

    private static Request connection(List<BrokerValue> conn) {
        if (conn.size() < 4) {
            throw new InvalidRequestException("conn has " + conn.size() + " fields, not orig_h, orig_p, resp_h,"
                    + " resp_p");
        }
        return request(conn.get(0).address("orig_h"), conn.get(2).address("resp_h"),
                Port.parse(conn.get(1).port("orig_p"), "orig_p"), Port.parse(conn.get(3).port("resp_p"), "resp_p"));
    }

    private static Request request(String src, String dst, Port sport, Port dport) {
        List<String> protocols = new ArrayList<>();
        for (Port port : new Port[] {sport, dport}) {
            if (port != null && !protocols.contains(port.protocol())) {
                protocols.add(port.protocol());
            }
        }
        if (protocols.size() > 1) {
            throw new InvalidRequestException("ports " + sport + " and " + dport + " name different protocols");
        }
        String proto = protocols.isEmpty() ? null : protocols.get(0);
        return Request.of(src, dst, proto, sport == null ? null : sport.number(), dport == null ? null : dport.number());
    }

    private static String optionalHost(List<BrokerValue> record, int index, String what) {
        return record.size() <= index || record.get(index).isNone() ? null : host(record.get(index), what);
    }

    private static Port optionalPort(List<BrokerValue> record, int index, String what) {
        return record.size() <= index || record.get(index).isNone() ? null
                : Port.parse(record.get(index).port(what), what);
    }

    /** A subnet that is one host, as its address. */
    private static String host(BrokerValue value, String what) {
        String subnet = value.subnet(what);
        int slash = subnet.indexOf('/');
        String address = slash < 0 ? subnet : subnet.substring(0, slash);
        String length = slash < 0 ? "" : subnet.substring(slash + 1);
        String full = address.contains(":") ? "128" : "32";
        if (!length.isEmpty() && !length.equals(full)) {
            throw InvalidRequestException.of(what, subnet, "is a network: dumbno shunts single hosts (/" + full
                    + ") only");
        }
        return address;
    }

    /** A Zeek port, {@code 1470/tcp}: the number and the protocol. */
    record Port(int number, String protocol) {
        static Port parse(String text, String what) {
            int slash = text.indexOf('/');
            String protocol = slash < 0 ? "" : text.substring(slash + 1);
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw InvalidRequestException.of(what, text, "is not a tcp or udp port: dumbno shunts icmp and"
                        + " other protocols by address only");
            }
            try {
                return new Port(Integer.parseInt(text.substring(0, slash)), protocol);
            } catch (NumberFormatException e) {
                throw InvalidRequestException.of(what, text, "is not a port such as 1470/tcp");
            }
        }

        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }
}
