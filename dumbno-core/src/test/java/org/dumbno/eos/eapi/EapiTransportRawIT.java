package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dumbno.acl.SwitchUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The eAPI client against a bare HTTP server that answers what each test wants. */
@Timeout(30)
class EapiTransportRawIT {

    private static EapiTransport client(RawServer server) {
        return EapiTransport.builder().scheme("http").host("127.0.0.1").port(server.port())
                .user("admin").password("pw").build();
    }

    /** A correct reply: one empty object per command, the request's id. */
    private static RawServer.Answer correct(String body) {
        JsonObject request = JsonParser.parseString(body).getAsJsonObject();
        JsonArray results = new JsonArray();
        request.getAsJsonObject("params").getAsJsonArray("cmds").forEach(c -> results.add(new JsonObject()));
        JsonObject reply = new JsonObject();
        reply.addProperty("jsonrpc", "2.0");
        reply.add("id", request.get("id"));
        reply.add("result", results);
        return new RawServer.Answer(200, reply.toString());
    }

    private static Function<String, RawServer.Answer> replacing(String key, String json) {
        return body -> {
            JsonObject reply = JsonParser.parseString(correct(body).body()).getAsJsonObject();
            if (json == null) {
                reply.remove(key);
            } else {
                reply.add(key, JsonParser.parseString(json));
            }
            return new RawServer.Answer(200, reply.toString());
        };
    }

    static Stream<Arguments> nonsense() {
        return Stream.of(
                Arguments.of("garbage", (Function<String, RawServer.Answer>) b -> new RawServer.Answer(200, "<html>hello")),
                Arguments.of("empty body", (Function<String, RawServer.Answer>) b -> new RawServer.Answer(200, "")),
                Arguments.of("JSON array", (Function<String, RawServer.Answer>) b -> new RawServer.Answer(200, "[1, 2]")),
                Arguments.of("wrong id", replacing("id", "\"dumbno-999\"")),
                Arguments.of("numeric id", replacing("id", "1")),
                Arguments.of("no jsonrpc", replacing("jsonrpc", null)),
                Arguments.of("no result", replacing("result", null)),
                Arguments.of("result not a list", replacing("result", "{}")),
                Arguments.of("too few results", replacing("result", "[]")),
                Arguments.of("too many results", replacing("result", "[{}, {}, {}]")),
                Arguments.of("result not objects", replacing("result", "[1, 2]")),
                Arguments.of("HTTP 503", (Function<String, RawServer.Answer>) b -> new RawServer.Answer(503, "busy")),
                Arguments.of("HTTP 302", (Function<String, RawServer.Answer>) b -> new RawServer.Answer(302, "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonsense")
    void replyThatIsNotJsonRpcMeansTheSwitchIsUnavailable(String label, Function<String, RawServer.Answer> answers)
            throws Exception {
        try (RawServer server = new RawServer(answers); EapiTransport eapi = client(server)) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version", "show clock")));

            assertTrue(e.getMessage().contains("not JSON-RPC") || e.getMessage().contains("HTTP "), e.getMessage());
        }
    }

    @Test
    void credentialsGoWithTheFirstRequestAndEveryOneAfter() throws Exception {
        try (RawServer server = new RawServer(EapiTransportRawIT::correct); EapiTransport eapi = client(server)) {
            eapi.runCmds(List.of("show version"));
            eapi.runCmds(List.of("show version"));

            String expected = "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(expected, expected), server.authorizations());
        }
    }

    @Test
    void sequentialCallsShareOneConnection() throws Exception {
        try (RawServer server = new RawServer(EapiTransportRawIT::correct); EapiTransport eapi = client(server)) {
            for (int i = 0; i < 50; i++) {
                assertEquals(1, eapi.runCmds(List.of("show version")).size());
            }

            assertEquals(1, server.connections());
        }
    }

    @Test
    void idsCountUp() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        try (RawServer server = new RawServer(body -> {
                    ids.add(JsonParser.parseString(body).getAsJsonObject().get("id").getAsString());
                    return correct(body);
                });
                EapiTransport eapi = client(server)) {
            eapi.runCmds(List.of("show version"));
            eapi.runCmds(List.of("show version"));

            assertEquals(List.of("dumbno-1", "dumbno-2"), ids);
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {200, 500})
    void aReplyLongerThanTheLimitIsAbandonedWithAMessageNamingTheLimit(int status) throws Exception {
        String big = "{\"jsonrpc\": \"2.0\", \"result\": [\"" + "x".repeat(8192) + "\"]}";
        try (RawServer server = new RawServer(body -> new RawServer.Answer(status, big));
                EapiTransport eapi = EapiTransport.builder().scheme("http").host("127.0.0.1").port(server.port())
                        .user("admin").password("pw").maxReply(4096).build()) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version")));

            assertEquals(eapi.describe(), e.switchName());
            assertTrue(e.getMessage().contains("reply larger than 4096 bytes"), e.getMessage());
        }
    }
}
