package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.util.List;
import org.dumbno.acl.SwitchUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reply read as a stream: as strict as a parsed tree, and a broken connection told apart. */
class RpcReplyStreamTest {
    private static final List<String> CMDS = List.of("show version");

    private static List<JsonObject> read(Reader body) throws IOException {
        return RpcReply.read("sw", "dumbno-1", CMDS, new ReplyBody(body), RpcReply.TREE);
    }

    @Test
    void readsTheResultsWhateverTheOrderOfMembers() throws IOException {
        List<JsonObject> results = read(new StringReader(
                "{\"result\": [{\"a\": [1, {\"b\": null}]}], \"extra\": {\"x\": 1}, \"id\": \"dumbno-1\", \"jsonrpc\": \"2.0\"}"));

        assertEquals(1, results.size());
        assertEquals("{\"a\":[1,{\"b\":null}]}", results.get(0).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[1, 2]", "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-1\", \"result\": [{}]} trailing",
        "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-1\", \"result\": [{}", "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-2\", \"result\": [{}]}",
        "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-1\", \"result\": [{}, {}]}",
        "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-1\", \"result\": [3]}",
        "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-1\", \"result\": {}}"})
    void aBodyThatIsNotAnAnswerToTheCallMeansTheSwitchIsUnavailable(String body) {
        SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                () -> read(new StringReader(body)));

        assertTrue(e.getMessage().startsWith("sw: reply is not JSON-RPC: "), e.getMessage());
    }

    @Test
    void aFailingConnectionIsNotABadReply() {
        SocketTimeoutException timeout = new SocketTimeoutException("read timed out");
        Reader failing = new Reader() {
            private boolean first = true;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (first) {
                    first = false;
                    "{\"jsonrpc\": \"2.0\", \"result\": [".getChars(0, 29, buffer, offset);
                    return 29;
                }
                throw timeout;
            }

            @Override
            public void close() {
                // nothing held
            }
        };

        assertSame(timeout, assertThrows(SocketTimeoutException.class, () -> read(failing)));
    }

    @Test
    void theMessageShowsTheBeginningOfTheBody() {
        String body = "<html>" + "x".repeat(ReplyBody.HEAD * 2) + "</html>";

        SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                () -> read(new StringReader(body)));

        assertTrue(e.getMessage().endsWith("'<html>" + "x".repeat(194) + "...'"), e.getMessage());
    }

    @Test
    void aStringAsLongAsTheLimitIsRead() throws IOException {
        String text = "x".repeat(ReplyBody.MAX_STRING - 1) + "\\\"";

        List<JsonObject> results = read(new StringReader(reply(text)));

        assertEquals(ReplyBody.MAX_STRING, results.get(0).get("output").getAsString().length());
    }

    /** Each piece is one character of the string, escaped or not. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "\\\"", "\\\\"})
    void aLongerStringEndsTheReadAndTheExchange(String piece) {
        String text = piece.repeat(ReplyBody.MAX_STRING + 1);
        int[] aborted = {0};
        ReplyBody body = new ReplyBody(new StringReader(reply(text)), () -> aborted[0]++);

        ReplyBody.StringTooLong e = assertThrows(ReplyBody.StringTooLong.class,
                () -> RpcReply.read("sw", "dumbno-1", CMDS, body, RpcReply.TREE));

        assertEquals(ReplyBody.MAX_STRING, e.limit());
        assertEquals(1, aborted[0], "the exchange was ended");
    }

    /** Escapes split between two reads of the connection count as the one character they stand for. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void theLimitHoldsWhateverTheConnectionDeliversAtOnce(int chunk) throws IOException {
        String atLimit = "\\\"x".repeat(ReplyBody.MAX_STRING / 2);
        List<JsonObject> results = read(new Chunked(new StringReader(reply(atLimit)), chunk));
        assertEquals(ReplyBody.MAX_STRING, results.get(0).get("output").getAsString().length());

        ReplyBody over = new ReplyBody(new Chunked(new StringReader(reply(atLimit + "\\\\")), chunk));
        assertThrows(ReplyBody.StringTooLong.class, () -> RpcReply.read("sw", "dumbno-1", CMDS, over, RpcReply.TREE));
    }

    /** Hands out at most {@code chunk} characters per read, as a connection may. */
    private static final class Chunked extends Reader {
        private final Reader source;
        private final int chunk;

        Chunked(Reader source, int chunk) {
            this.source = source;
            this.chunk = chunk;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return source.read(buffer, offset, Math.min(length, chunk));
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /** A reply to {@link #CMDS} whose one result holds {@code text} (JSON-escaped already). */
    private static String reply(String text) {
        return "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-1\", \"result\": [{\"output\": \"" + text + "\"}]}";
    }
}
