package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.testing.ManualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entries read back in the form EOS stores them, not as they were typed. */
class CanonicalTextTest {
    private final SimulatedSwitch sw = SimulatedSwitch.builder().clock(new ManualClock()).build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ip   | deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443 | deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https",
        "ip   | deny tcp any any eq 80                              | deny tcp any any eq www",
        "ip   | deny tcp any eq 22 any eq 23                        | deny tcp any eq ssh any eq telnet",
        "ip   | deny udp any any eq 123                             | deny udp any any eq ntp",
        "ip   | deny ip 0.0.0.0/0 host 10.0.0.2                     | deny ip any host 10.0.0.2",
        "ip   | deny 6 host 10.0.0.1 any eq 8080                    | deny tcp host 10.0.0.1 any eq 8080",
        "ip   | deny 17 any any                                     | deny udp any any",
        "ip   | DENY TCP ANY ANY EQ 443                             | deny tcp any any eq https",
        "ipv6 | deny ipv6 host 2001:DB8:0:0:0:0:0:1 any             | deny ipv6 host 2001:db8::1 any",
        "ipv6 | deny tcp host 2001:db8::1 eq 443 host 2001:db8::2   | deny tcp host 2001:db8::1 eq https host 2001:db8::2",
        "ipv6 | deny ipv6 ::/0 any                                  | deny ipv6 any any",
        "ip   | permit tcp any any fin                              | permit tcp any any fin",
    })
    void textIsCanonical(String family, String typed, String stored) throws SwitchException {
        sw.runCmds(Eos.inAcl(family, "a", "501 " + typed));
        assertEquals(List.of("501 " + stored), Eos.lines(sw, family, "a"));
    }
}
