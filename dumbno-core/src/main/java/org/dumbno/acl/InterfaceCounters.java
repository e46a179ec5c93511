package org.dumbno.acl;

/**
 * Octet counters of one interface since the switch last cleared them.
 *
 * @param inOctets octets received
 * @param outOctets octets sent
 */
public record InterfaceCounters(long inOctets, long outOctets) {

    public InterfaceCounters {
        if (inOctets < 0 || outOctets < 0) {
            throw new IllegalArgumentException("octet counters (" + inOctets + ", " + outOctets
                    + ") must not be negative");
        }
    }
}
