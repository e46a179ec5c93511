package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.ScriptedTransport;
import org.dumbno.eos.Transport.Format;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The eAPI server's answers to requests written by hand. */
@Timeout(30)
class EapiServerIT {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8));

    private ScriptedTransport backend;
    private EapiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        backend = new ScriptedTransport((commands, format) -> {
            if (commands.contains("crash")) {
                throw new InternalError("simulated fault in the backend");
            }
            if (commands.contains("bad")) {
                int at = commands.indexOf("bad");
                throw new CommandFailedException("sim", 1002, at, "bad", List.of("Invalid input (at token 0: 'bad')"),
                        commands.subList(0, at).stream().map(c -> ScriptedTransport.echoOf(c, format)).toList());
            }
            return commands.stream().map(c -> ScriptedTransport.echoOf(c, format)).toList();
        });
        server = EapiServer.start(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "admin", "pw", null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String auth, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject call(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/command-api", "application/json-rpc", AUTH, body);
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static JsonObject parsed(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void runsAnObjectCallWithCommandObjectsInText() throws Exception {
        JsonObject reply = call("{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": \"a-1\", \"extra\": true, "
                + "\"params\": {\"version\": \"latest\", \"cmds\": [{\"cmd\": \"enable\", \"input\": \"x\"}, \"show clock\"],"
                + " \"format\": \"text\"}}");

        assertEquals(parsed("{\"jsonrpc\": \"2.0\", \"id\": \"a-1\", \"result\": "
                + "[{\"output\": \"enable\\n\"}, {\"output\": \"show clock\\n\"}]}"), reply);
        assertEquals(List.of(new ScriptedTransport.Call(List.of("enable", "show clock"), Format.TEXT)), backend.calls());
    }

    @Test
    void aBackendThatThrowsAnErrorIsAnswered500AndTheServerAnswersOn() throws Exception {
        HttpResponse<String> crashed = send("POST", "/command-api", "application/json-rpc", AUTH,
                "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1, "
                + "\"cmds\": [\"crash\"]}}");

        assertEquals(500, crashed.statusCode(), crashed.body());
        assertEquals("Internal Server Error", crashed.body());
        assertEquals(1, call("{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 2, "
                + "\"params\": {\"version\": 1, \"cmds\": [\"show version\"]}}").getAsJsonArray("result").size());
    }

    @Test
    void acceptsParamsAsAnArrayAndPlainJson() throws Exception {
        HttpResponse<String> response = send("POST", "/command-api", "application/json", AUTH,
                "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 7, \"params\": [1, [\"show version\"], \"json\"]}");

        assertEquals(200, response.statusCode());
        assertEquals(parsed("{\"jsonrpc\": \"2.0\", \"id\": 7, \"result\": [{\"echo\": \"show version\"}]}"),
                parsed(response.body()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "42", "\"dumbno-3\"", "12.5"})
    void echoesTheIdItGot(String id) throws Exception {
        JsonObject reply = call("{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": " + id
                + ", \"params\": {\"version\": 1, \"cmds\": [\"show version\"]}}");

        assertEquals(JsonParser.parseString(id), reply.get("id"));
        assertEquals(1, reply.getAsJsonArray("result").size());
    }

    @Test
    void refusedCommandIsTheDocumentedError() throws Exception {
        JsonObject reply = call("{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": \"x\", "
                + "\"params\": {\"version\": 1, \"cmds\": [\"enable\", \"configure\", \"bad\", \"never\"], \"format\": \"json\"}}");

        assertEquals(parsed("{\"jsonrpc\": \"2.0\", \"id\": \"x\", \"error\": {\"code\": 1002, "
                + "\"message\": \"CLI command 3 of 4 'bad' failed: invalid command\", "
                + "\"data\": [{\"echo\": \"enable\"}, {\"echo\": \"configure\"}, "
                + "{\"errors\": [\"Invalid input (at token 0: 'bad')\"]}]}}"), reply);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{not json                                                                           | -32700",
        "[1, 2]                                                                              | -32600",
        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"params\": {}}                                   | -32600",
        "{\"jsonrpc\": \"1.0\", \"method\": \"runCmds\", \"id\": 1}                          | -32600",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runShow\", \"id\": 1, \"params\": {}}          | -32601",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1}                          | -32602",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1}}    | -32602",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": [3]}}   | -32602",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 0, \"cmds\": []}}   | -32602",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": [], \"format\": \"xml\"}} | -32602",
        "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": [1]}         | -32602",
    })
    void malformedCallsGetJsonRpcErrors(String body, int code) throws Exception {
        JsonObject reply = call(body.strip());

        assertEquals(code, reply.getAsJsonObject("error").get("code").getAsInt(), reply.toString());
        assertEquals("2.0", reply.get("jsonrpc").getAsString());
        boolean noId = code == -32700 || body.startsWith("[");
        JsonElement expectedId = noId ? JsonNull.INSTANCE : JsonParser.parseString("1");
        assertEquals(expectedId, reply.get("id"));
        assertTrue(backend.calls().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none", "Basic YWRtaW46d3Jvbmc=", "Bearer abc", "Basic !!!"})
    void badCredentialsGet401(String auth) throws Exception {
        HttpResponse<String> response = send("POST", "/command-api", "application/json-rpc", auth,
                "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": {\"version\": 1, \"cmds\": []}}");

        assertEquals(401, response.statusCode());
        assertEquals("Unable to authenticate user: Bad username/password combination", response.body());
        assertTrue(backend.calls().isEmpty());
    }

    @Test
    void unauthorizedReasonPhraseIsUnauthorized() throws Exception {
        String head = rawExchange(1, "POST /command-api HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").get(0);

        assertEquals("HTTP/1.1 401 Unauthorized", head);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"GET, /command-api, 405", "PUT, /command-api, 405", "POST, /other, 404", "GET, /, 404"})
    void wrongMethodOrPath(String method, String path, int status) throws Exception {
        HttpResponse<String> response = send(method, path, "application/json-rpc", AUTH, method.equals("GET") ? null : "{}");

        assertEquals(status, response.statusCode());
    }

    /** curl -d sends a form content type; the body decides, as on a switch. */
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "application/json; charset=utf-8",
        "none"})
    void anyContentTypeWithAJsonRpcBodyIsAnswered(String contentType) throws Exception {
        HttpResponse<String> response = send("POST", "/command-api", contentType.equals("none") ? null : contentType,
                AUTH, "{\"jsonrpc\":\"2.0\",\"method\":\"runCmds\",\"id\":1,"
                        + "\"params\":{\"version\":1,\"cmds\":[\"show version\"]}}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(parsed("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [{\"echo\": \"show version\"}]}"),
                parsed(response.body()));
    }

    @Test
    void keepsTheConnectionOpenBetweenCalls() throws Exception {
        String call = "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1, \"params\": [1, [\"show version\"]]}";
        String request = "POST /command-api HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH
                + "\r\nContent-Type: application/json-rpc\r\nContent-Length: " + call.length() + "\r\n\r\n" + call;

        List<String> heads = rawExchange(3, request + request + request);

        assertEquals(List.of("HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK"), heads);
    }

    /** A body of a declared length is read into an array of that length; a chunked one as its pieces come. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBodyIsReadWholeWithOrWithoutItsLength(boolean chunked) throws Exception {
        String call = "{\"jsonrpc\": \"2.0\", \"method\": \"runCmds\", \"id\": 1,"
                + " \"params\": [1, [\"show version\", \"show caf\u00e9\"]]}";
        byte[] bytes = call.getBytes(StandardCharsets.UTF_8);
        int half = call.indexOf("\u00e9") + 1;
        String head = "POST /command-api HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH
                + "\r\nContent-Type: application/json-rpc\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        if (chunked) {
            request.writeBytes((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte[] piece : List.of(Arrays.copyOfRange(bytes, 0, half), Arrays.copyOfRange(bytes, half, bytes.length))) {
                request.writeBytes((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.writeBytes(piece);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            request.writeBytes((head + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(bytes);
        }

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 200 OK", in.readLine());
        }
        assertEquals(List.of(new ScriptedTransport.Call(List.of("show version", "show caf\u00e9"), Format.JSON)),
                backend.calls());
    }

    /** Writes {@code requests} on one connection and reads the status lines of {@code count} replies. */
    private List<String> rawExchange(int count, String requests) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> heads = new ArrayList<>();
            while (heads.size() < count) {
                String status = in.readLine();
                heads.add(status);
                int length = 0;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                in.skip(length);
            }
            return heads;
        }
    }
}
