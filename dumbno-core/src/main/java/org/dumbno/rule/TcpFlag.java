package org.dumbno.rule;

import java.util.Locale;

/** A TCP header flag an EOS rule can match on; the EOS keyword is the lower-case name. */
public enum TcpFlag {
    FIN, SYN, RST, ACK, PSH, URG;

    /** The EOS keyword, for example {@code fin}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The flag for an EOS keyword (case-insensitive), or null when the word is not a flag. */
    static TcpFlag fromKeyword(String word) {
        for (TcpFlag flag : values()) {
            if (flag.keyword().equalsIgnoreCase(word)) {
                return flag;
            }
        }
        return null;
    }
}
