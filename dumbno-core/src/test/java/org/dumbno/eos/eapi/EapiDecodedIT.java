package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.ScriptedTransport;
import org.dumbno.eos.Transport.Format;
import org.dumbno.eos.Transport.ResultDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Results decoded as the reply streams in, over loopback HTTP. */
@Timeout(30)
class EapiDecodedIT {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** The {@code echo} member of a result, read either way. */
    private static final ResultDecoder<String> ECHO = new ResultDecoder<>() {
        @Override
        public String decode(int index, JsonReader json) throws IOException {
            String echo = null;
            json.beginObject();
            while (json.hasNext()) {
                if (json.nextName().equals("echo")) {
                    echo = json.nextString();
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            return index + ":" + echo;
        }

        @Override
        public String decode(int index, JsonObject result) {
            return index + ":" + result.get("echo").getAsString();
        }
    };

    private static EapiTransport client(EapiServer server) {
        return EapiTransport.builder().scheme("http").host("127.0.0.1").port(server.address().getPort())
                .user("dumbno").password("pw").build();
    }

    @Test
    void decodesEachResultAsTheDefaultWouldFromParsedObjects() throws Exception {
        ScriptedTransport backend = ScriptedTransport.echo();
        List<String> commands = List.of("show version", "show ip access-lists bulk_1");
        try (EapiServer server = EapiServer.start(backend, ANY_PORT, "dumbno", "pw", null);
                EapiTransport eapi = client(server)) {
            List<String> streamed = eapi.runCmds(commands, ECHO);

            assertEquals(List.of("0:show version", "1:show ip access-lists bulk_1"), streamed);
            assertEquals(backend.runCmds(commands, ECHO), streamed);
            assertEquals(Format.JSON, backend.calls().get(0).format());
        }
    }

    @Test
    void aRefusedCommandStillCarriesTheEarlierResultsAsObjects() throws Exception {
        List<String> commands = List.of("enable", "configure", "ip access-list bulk_1", "501 deny tcp any eq 99999 any");
        ScriptedTransport backend = new ScriptedTransport((cmds, format) -> {
            throw new CommandFailedException("sim", 1002, 3, cmds.get(3), List.of("Invalid input"),
                    List.of(new JsonObject(), new JsonObject(), new JsonObject()));
        });
        try (EapiServer server = EapiServer.start(backend, ANY_PORT, "dumbno", "pw", null);
                EapiTransport eapi = client(server)) {
            CommandFailedException e = assertThrows(CommandFailedException.class, () -> eapi.runCmds(commands, ECHO));

            assertEquals(3, e.failedIndex());
            assertEquals(List.of("Invalid input"), e.errors());
            assertEquals(List.of(new JsonObject(), new JsonObject(), new JsonObject()), e.results());
        }
    }

    @Test
    void aResultTheDecoderRefusesMeansTheSwitchIsUnavailable() throws Exception {
        ScriptedTransport backend = new ScriptedTransport((commands, format) -> {
            JsonObject odd = new JsonObject();
            odd.add("echo", new JsonObject());
            return List.of(odd);
        });
        try (EapiServer server = EapiServer.start(backend, ANY_PORT, "dumbno", "pw", null);
                EapiTransport eapi = client(server)) {
            SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                    () -> eapi.runCmds(List.of("show version"), ECHO));

            assertTrue(e.getMessage().contains("unreadable result of command 1 'show version'"), e.getMessage());
            assertEquals(List.of("0:show version"), eapi.runCmds(List.of("show version"),
                    new ResultDecoder<String>() {
                        @Override
                        public String decode(int index, JsonReader json) throws IOException {
                            json.skipValue();
                            return index + ":show version";
                        }

                        @Override
                        public String decode(int index, JsonObject result) {
                            return index + ":show version";
                        }
                    }));
        }
    }
}
