package org.dumbno.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reply is cut to its limit at a character boundary, never into the {@code error: } prefix. */
class ReplyLimitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ok | 32 | ok",
        "error: src (x) is not an IP address | 64 | error: src (x) is not an IP address",
        "error: src (x) is not an IP address | 32 | error: src (x) is not an IP addr",
        "error: src (x) is not an IP address | 13 | error: src (x",
        "error: src (x) is not an IP address | 3 | 'error: '",
        "error: dst (é€) is bad | 10 | error: dst",
        "error: dst (é€) is bad | 14 | error: dst (é",
        "error: dst (é€) is bad | 16 | error: dst (é",
        "error: dst (é€) is bad | 17 | error: dst (é€",
    })
    void fitsTheReplyToItsLimit(String reply, int limit, String sent) {
        byte[] bytes = Exchange.fit(reply, limit);

        assertEquals(sent, new String(bytes, StandardCharsets.UTF_8));
    }
}
