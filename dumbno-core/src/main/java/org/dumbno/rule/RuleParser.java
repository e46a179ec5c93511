package org.dumbno.rule;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads EOS rule text: {@code PROTO SRC [eq PORT] DST [eq PORT] [FLAG...]}. */
final class RuleParser {
    private final List<String> tokens;
    private int next;

    private RuleParser(List<String> tokens) {
        this.tokens = tokens;
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
        return new RuleParser(words(text)).rule(family);
    }

    /** The words of the text, split at runs of spaces (no regular expression: this runs per line read). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>(8);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || text.charAt(i) == ' ';
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    private Rule rule(Family given) {
        String protocolWord = take("a protocol");
        Protocol protocol = protocol(protocolWord);
        Endpoint src = endpoint();
        Endpoint dst = endpoint();
        Set<TcpFlag> flags = EnumSet.noneOf(TcpFlag.class);
        while (next < tokens.size()) {
            TcpFlag flag = TcpFlag.fromKeyword(tokens.get(next));
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
        String word = take("an address: any, host ADDRESS or ADDRESS/LENGTH");
        IPAddress prefix;
        if (word.equalsIgnoreCase("any")) {
            prefix = null;
        } else if (word.equalsIgnoreCase("host")) {
            String address = take("an address after host");
            prefix = Addresses.host("rule token " + next, address);
        } else if (word.indexOf('/') >= 0) {
            prefix = Addresses.prefix("rule token " + next, word);
        } else {
            next--;
            throw unexpected("is not any, host or ADDRESS/LENGTH");
        }
        return new Endpoint(prefix, port());
    }

    private int port() {
        if (next >= tokens.size() || !tokens.get(next).equalsIgnoreCase("eq")) {
            return 0;
        }
        next++;
        int port = Ports.parse(take("a port after eq"));
        if (port < 0) {
            next--;
            throw unexpected("is not a port 1-65535 or a port name");
        }
        return port;
    }

    private String take(String what) {
        if (next >= tokens.size()) {
            throw new InvalidRequestException("rule ends where " + what + " is expected");
        }
        return tokens.get(next++);
    }

    private InvalidRequestException unexpected(String problem) {
        return InvalidRequestException.of("rule token " + (next + 1), tokens.get(next), problem);
    }
}
