package org.dumbno.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Replies as servers send them, and as they are built to be sent. */
class ReplyTest {

    @Test
    void okIsOkAndHasNoReason() {
        Reply reply = new Reply("ok");
        assertTrue(reply.isOk());
        assertEquals(Optional.empty(), reply.errorReason());
        assertEquals(Reply.ok(), reply);
        assertEquals("ok", reply.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        error: request not signed        | request not signed
        error: dport (70000) must be 1-65535 | dport (70000) must be 1-65535
        OK                               | OK
        ok.                              | ok.
        error:                           | error:
        """)
    void anythingButOkIsAnErrorWithItsReason(String text, String reason) {
        Reply reply = new Reply(text);
        assertFalse(reply.isOk());
        assertEquals(Optional.of(reason), reply.errorReason());
        assertEquals(text, reply.text());
    }

    @Test
    void anErrorIsBuiltFromItsReason() {
        Reply reply = Reply.error("rate limit exceeded");
        assertEquals("error: rate limit exceeded", reply.text());
        assertEquals(Optional.of("rate limit exceeded"), reply.errorReason());
    }
}
