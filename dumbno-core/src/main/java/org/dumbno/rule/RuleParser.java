package org.dumbno.rule;

import inet.ipaddr.IPAddress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads EOS rule text: {@code PROTO SRC [eq PORT] DST [eq PORT] [FLAG...]}. It runs for every line
 * a switch shows that is not known yet and for every line the simulated switch is given, so the
 * words are kept as positions in the text: keywords are compared in place, a dotted-quad host
 * becomes its bits and a port number its value without a string or an address object of its own.
 */
final class RuleParser {
    private final String text;
    /** Where each word starts and ends in {@link #text}; {@link #count} are used. */
    private int[] starts = new int[12];
    private int[] ends = new int[12];
    private int count;
    private int next;

    private RuleParser(String text) {
        this.text = text;
        split();
    }

    static Rule parse(Family family, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("rule text is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                throw InvalidRequestException.of("rule", text, "contains a control or non-ASCII character");
            }
        }
        return new RuleParser(text).rule(family);
    }

    /** Finds the words of the text, split at runs of spaces (no regular expression: this runs per line read). */
    private void split() {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || text.charAt(i) == ' ';
            if (space && start >= 0) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = start;
                ends[count++] = i;
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
    }

    /** Word {@code index} as a string. */
    private String word(int index) {
        return text.substring(starts[index], ends[index]);
    }

    /** Whether word {@code index} is {@code keyword}, in any case. */
    private boolean is(int index, String keyword) {
        int length = ends[index] - starts[index];
        return length == keyword.length() && text.regionMatches(true, starts[index], keyword, 0, length);
    }

    private Rule rule(Family given) {
        String protocolWord = word(take("a protocol"));
        Protocol protocol = protocol(protocolWord);
        Endpoint src = endpoint();
        Endpoint dst = endpoint();
        Set<TcpFlag> flags = EnumSet.noneOf(TcpFlag.class);
        while (next < count) {
            TcpFlag flag = TcpFlag.fromKeyword(word(next));
            if (flag == null || !flags.add(flag)) {
                throw unexpected("is not expected here");
            }
            next++;
        }
        Family family = given != null ? given : infer(protocolWord, src, dst);
        if (protocol.isAny() && !protocolWord.equals("0")
                && !protocolWord.equalsIgnoreCase(family.keyword())) {
            throw InvalidRequestException.of("rule token 1", protocolWord,
                    "does not fit a rule of family " + family.keyword());
        }
        Rule rule = new Rule(family, protocol, src, dst, flags);
        try {
            Protocol.parse(family, protocolWord);
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.of("rule token 1", protocolWord, "is not a protocol "
                    + family.keyword() + " access lists take; write " + protocol.keyword(family));
        }
        return rule;
    }

    private static Family infer(String protocolWord, Endpoint src, Endpoint dst) {
        String word = protocolWord.toLowerCase(Locale.ROOT);
        if (word.equals("ipv6") || word.equals("icmpv6") || word.equals("58")) {
            return Family.IPV6;
        }
        Family any = src.family() != null ? src.family() : dst.family();
        return any == null ? Family.IP : any;
    }

    private Protocol protocol(String word) {
        try {
            return Protocol.parse(word);
        } catch (InvalidRequestException e) {
            next--;
            throw unexpected("is not a protocol");
        }
    }

    private Endpoint endpoint() {
        int at = take("an address: any, host ADDRESS or ADDRESS/LENGTH");
        int slash = text.indexOf('/', starts[at]);
        IPAddress prefix;
        if (is(at, "any")) {
            prefix = null;
        } else if (is(at, "host")) {
            int address = take("an address after host");
            long bits = Addresses.dottedQuadBits(text, starts[address], ends[address]);
            if (bits >= 0) {
                return Endpoint.ipv4Host((int) bits, port());
            }
            prefix = Addresses.host("rule token " + next, word(address));
        } else if (slash >= 0 && slash < ends[at]) {
            prefix = Addresses.prefix("rule token " + next, word(at));
        } else {
            next--;
            throw unexpected("is not any, host or ADDRESS/LENGTH");
        }
        return new Endpoint(prefix, port());
    }

    private int port() {
        if (next >= count || !is(next, "eq")) {
            return 0;
        }
        next++;
        int at = take("a port after eq");
        int port = number(at);
        if (port < 0) {
            port = Ports.parse(word(at));
        }
        if (port < 0) {
            next--;
            throw unexpected("is not a port 1-65535 or a port name");
        }
        return port;
    }

    /** Word {@code index} as a port number 1-65535 when it is one, as {@link Ports#parse} reads it; else -1. */
    private int number(int index) {
        int length = ends[index] - starts[index];
        if (length > 5) {
            return -1;
        }
        int value = 0;
        for (int i = starts[index]; i < ends[index]; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value >= 1 && value <= 65535 ? value : -1;
    }

    /** The index of the next word, which must be there. */
    private int take(String what) {
        if (next >= count) {
            throw new InvalidRequestException("rule ends where " + what + " is expected");
        }
        return next++;
    }

    private InvalidRequestException unexpected(String problem) {
        return InvalidRequestException.of("rule token " + (next + 1), word(next), problem);
    }
}
