package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.core5.util.ByteArrayBuffer;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.Transport.Format;
import org.junit.jupiter.api.Test;

class RpcReplyTest {

    private static final List<String> CMDS = List.of("enable", "configure", "ip access-list bulk_1", "501 deny x");

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static CommandFailedException failure(String error) {
        String body = "{\"jsonrpc\": \"2.0\", \"id\": \"dumbno-1\", \"error\": " + error + "}";
        return assertThrows(CommandFailedException.class, () -> RpcReply.read("sw", "dumbno-1", CMDS, body));
    }

    @Test
    void writesTheRunCmdsCall() {
        assertEquals(json("{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": \"dumbno-7\", "
                        + "\"params\": {\"version\": 1, \"cmds\": [\"enable\", \"show clock\"], \"format\": \"text\"}}"),
                json(body(RpcReply.request("dumbno-7", List.of("enable", "show clock"), Format.TEXT))));
    }

    @Test
    void escapesWhatAJsonStringCannotHoldAsItIs() {
        List<String> odd = List.of("a \"quoted\" \\ path", "tab\there\nnew line\r", "\u0001\u001f\u007f", "x\u2028y",
                "caf\u00e9 \u2603 \uD83D\uDE00");
        String text = body(RpcReply.request("dumbno-\"8\"", odd, Format.JSON));
        JsonObject call = json(text);

        List<String> read = call.getAsJsonObject("params").getAsJsonArray("cmds").asList().stream()
                .map(element -> element.getAsString()).toList();
        assertEquals(odd, read);
        assertEquals("dumbno-\"8\"", call.get("id").getAsString());
        assertEquals(-1, text.indexOf('\u0001'), "a control character goes escaped");
        assertEquals(-1, text.indexOf('\t'), "a tab goes escaped");
    }

    @Test
    void quotesIntoABufferThatMustGrowAndStartsAgainWhereAnEscapeTurnsUpLate() {
        ByteArrayBuffer out = new ByteArrayBuffer(1);
        out.append('[');
        RpcReply.quote(out, "ip access-list bulk_1");
        out.append(',');
        RpcReply.quote(out, "501 deny tcp host 10.0.0.1 host 10.0.0.2 \"x\" caf\u00e9");
        out.append(']');

        assertEquals("[\"ip access-list bulk_1\",\"501 deny tcp host 10.0.0.1 host 10.0.0.2 \\\"x\\\" caf\u00e9\"]",
                body(out));
    }

    /** The body as the server reads it: UTF-8. */
    private static String body(ByteArrayBuffer buffer) {
        return new String(buffer.array(), 0, buffer.length(), StandardCharsets.UTF_8);
    }

    @Test
    void readsTheFailedIndexFromTheMessage() {
        CommandFailedException e = failure("{\"code\": 1002, \"message\": \"CLI command 2 of 4 'configure' failed: "
                + "invalid command\", \"data\": [{\"a\": 1}, {\"errors\": [\"nope\", \"never\"]}]}");

        assertEquals(1002, e.code());
        assertEquals(1, e.failedIndex());
        assertEquals("configure", e.failedCommand());
        assertEquals(List.of("nope", "never"), e.errors());
        assertEquals(List.of(json("{\"a\": 1}")), e.results());
        assertEquals("sw", e.switchName());
    }

    @Test
    void derivesTheFailedIndexFromTheDataWhenTheMessageIsUnusual() {
        CommandFailedException e = failure("{\"code\": 1000, \"message\": \"something odd\", "
                + "\"data\": [{}, {}, {\"errors\": [\"busy\"]}]}");

        assertEquals(2, e.failedIndex());
        assertEquals("ip access-list bulk_1", e.failedCommand());
        assertEquals(List.of("busy"), e.errors());
        assertEquals(List.of(new JsonObject(), new JsonObject()), e.results());
    }

    @Test
    void fallsBackToTheMessageWhenNoErrorsAreGiven() {
        CommandFailedException e = failure("{\"code\": -32602, \"message\": \"Invalid params\"}");

        assertEquals(-32602, e.code());
        assertEquals(0, e.failedIndex());
        assertEquals(List.of("Invalid params"), e.errors());
        assertEquals(List.of(), e.results());
    }
}
