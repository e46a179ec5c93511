package org.dumbno.fuzz;

/** What the generator knows, on its own, of a datagram's fate. */
enum Expect {
    /** A valid request whose rule must go on the switch: reply {@code ok}. */
    OK,
    /** A valid request that touches a protected network: an error reply, nothing written. */
    REFUSED,
    /** Not a valid request: an error reply, nothing written. */
    INVALID,
    /** The generator cannot tell (mutations, random bytes): either reply, checked afterwards. */
    EITHER
}
