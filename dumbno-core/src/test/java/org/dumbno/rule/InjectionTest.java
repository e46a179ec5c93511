package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing but validated addresses, numbers and protocol names reaches rule text. */
class InjectionTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"src\": \"5.6.7.8 log\"}",
        "{\"src\": \"5.6.7.8\\nno ip access-list bulk_1\"}",
        "{\"src\": \"5.6.7.8;reload\"}",
        "{\"src\": \"5.6.7.8 any\"}",
        "{\"dst\": \"host 5.6.7.8\"}",
        "{\"dst\": \"any\"}",
        "{\"src\": \"1.2.3.4\", \"proto\": \"tcp any any\"}",
        "{\"src\": \"1.2.3.4\", \"proto\": \"ip\\nexit\"}",
        "{\"src\": \"1.2.3.4\", \"proto\": \"tcp; reload\"}",
        "{\"proto\": \"tcp\", \"dport\": \"80 log\"}",
        "{\"proto\": \"tcp\", \"dport\": \"80\\n\"}",
        "{\"proto\": \"tcp\", \"dport\": \"www\"}",
        "{\"proto\": \"tcp\", \"dport\": \"80 range 1 65535\"}",
        "{\"src\": \"::ffff:1.2.3.4%0 log\"}",
        "{\"src\": \"fe80::1%eth0 log\"}",
    })
    void injectionAttemptsAreRefused(String json) {
        InvalidRequestException refusal = assertThrows(InvalidRequestException.class,
                () -> Request.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refusal.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), refusal::getMessage);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5.6.7.8 log", "5.6.7.8\n", "any", "host", "5.6.7.8;", "1.2.3.4/8", "\t1.2.3.4"})
    void addressesForTheCommandLineAreRefusedToo(String src) {
        assertThrows(InvalidRequestException.class, () -> Request.of(src, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp log", "tcp\n", "ip any", "6;"})
    void protocolsForTheCommandLineAreRefused(String proto) {
        assertThrows(InvalidRequestException.class, () -> Request.of("1.2.3.4", null, proto, null, null));
    }
}
