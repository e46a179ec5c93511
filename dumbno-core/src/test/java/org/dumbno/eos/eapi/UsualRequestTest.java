package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.core5.util.ByteArrayBuffer;
import org.dumbno.eos.Transport.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A call read as it streams is the call the tree gives; anything else is left to the tree. */
class UsualRequestTest {

    @Test
    void theCallsThisClientSendsAreReadAsTheyStream() throws RpcError {
        List<String> commands = List.of("enable", "configure", "ip access-list bulk_1",
                "501 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https", "quote \" backslash \\ tab \t é");
        for (Format format : Format.values()) {
            ByteArrayBuffer sent = RpcReply.request("dumbno-7", commands, format);
            String body = new String(sent.array(), 0, sent.length(), StandardCharsets.UTF_8);
            RpcRequest streamed = UsualRequest.read(body);
            assertNotNull(streamed, body);
            assertEquals(RpcRequest.parseTree(body), streamed);
            assertEquals(commands, streamed.commands());
            assertEquals(format, streamed.format());
            assertEquals(streamed, RpcRequest.parse(Arrays.copyOf(sent.array(), sent.length())));
        }
    }

    /** A body as it came is read as its text is, whether it streams or needs the tree, and its refusals alike. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": \"é\", \"params\": {\"version\": 1,"
                + " \"cmds\": [\"show ip access-lists caf\u00e9 \u2603\"]}}",
        "{\"method\": \"runCmds\", \"params\": {\"cmds\": [\"show version\"], \"version\": \"latest\"}}",
        "{\"method\": \"runCmds\", \"params\": {\"version\": 1, \"cmds\": [{\"cmd\": \"enable\", \"input\": \"x\"}]}}",
        "{not json",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runShow\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": []}}",
    })
    void aBodyAsItCameIsReadAsItsText(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Object fromText;
        try {
            fromText = RpcRequest.parse(body);
        } catch (RpcError e) {
            fromText = e.code() + " " + e.getMessage();
        }
        Object fromBytes;
        try {
            fromBytes = RpcRequest.parse(bytes);
        } catch (RpcError e) {
            fromBytes = e.code() + " " + e.getMessage();
        }
        assertEquals(fromText, fromBytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"method\": \"runCmds\", \"params\": {\"cmds\": [\"show version\"], \"version\": \"latest\"}}",
        "{\"id\": {\"a\": [1, null]}, \"params\": {\"version\": 1.5, \"cmds\": [], \"format\": null},"
                + " \"method\": \"runCmds\", \"jsonrpc\": \"2.0\"}",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": null, \"params\": {\"version\": 1,"
                + " \"cmds\": [\"show version\"], \"format\": \"text\"}}",
    })
    void usualCallsGiveWhatTheTreeGives(String body) throws RpcError {
        RpcRequest streamed = UsualRequest.read(body);
        assertNotNull(streamed, body);
        assertEquals(RpcRequest.parseTree(body), streamed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "[1, 2]",
        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"params\": {}}",
        "{\"jsonrpc\": \"1.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": []}}",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runShow\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": []}}",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 0, \"cmds\": []}}",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": [3]}}",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": [],"
                + " \"format\": \"xml\"}}",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": [1, [\"show version\"], \"json\"]}",
        "{\"method\": \"runCmds\", \"params\": {\"version\": 1, \"cmds\": [{\"cmd\": \"enable\", \"input\": \"x\"}]}}",
        "{\"method\": \"runCmds\", \"params\": {\"version\": 1, \"cmds\": [\"a\"]}, \"extra\": true}",
        "{\"method\": \"runCmds\", \"params\": {\"version\": 1, \"cmds\": [\"a\"]}, \"id\": 1, \"id\": 2}",
        "{\"method\": \"runCmds\", \"params\": {\"version\": 1, \"cmds\": [\"a\"]}} {\"more\": 1}",
    })
    void unusualOrRefusedCallsAreLeftToTheTree(String body) {
        assertNull(UsualRequest.read(body), body);
    }
}
