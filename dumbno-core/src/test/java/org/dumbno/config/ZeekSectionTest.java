package org.dumbno.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeekSectionTest {
    private static final String HEAD = "[switch]\nbackend = dummy\n";

    @TempDir
    Path dir;

    private DumbnoConfig load(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("dumbno.cfg"), text);
        return DumbnoConfig.load(file, Map.of());
    }

    @Test
    void noSectionNoZeek() throws Exception {
        assertEquals(Optional.empty(), load(HEAD).zeek());
    }

    @Test
    void readsUrlsTopicAndCaFile() throws Exception {
        Files.writeString(dir.resolve("zeek-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        ZeekSettings zeek = load(HEAD + "[zeek]\nwebsocket = ws://127.0.0.1:27759/v1/messages/json,"
                + " wss://zeek2.example:9997/v1/messages/json\ntopic = site/dumbno\nca_file = zeek-ca.pem\n")
                .zeek().orElseThrow();

        assertEquals(List.of(URI.create("ws://127.0.0.1:27759/v1/messages/json"),
                URI.create("wss://zeek2.example:9997/v1/messages/json")), zeek.websockets());
        assertEquals("site/dumbno", zeek.topic());
        assertEquals(Optional.of(dir.resolve("zeek-ca.pem")), zeek.caFile());
    }

    @Test
    void theTopicDefaultsToZeekDumbno() throws Exception {
        assertEquals("zeek/dumbno", load(HEAD + "[zeek]\nwebsocket = ws://127.0.0.1:27759/v1/messages/json\n")
                .zeek().orElseThrow().topic());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals(dir.resolve("dumbno.cfg") + ": [zeek] websocket = http://127.0.0.1:27759/: not a ws:// or"
                + " wss:// URL", assertThrows(ConfigException.class,
                () -> load(HEAD + "[zeek]\nwebsocket = http://127.0.0.1:27759/\n")).getMessage());
        assertEquals(dir.resolve("dumbno.cfg") + ": [zeek] websocket = : missing: set at least one ws:// or"
                + " wss:// URL", assertThrows(ConfigException.class, () -> load(HEAD + "[zeek]\ntopic = x\n"))
                .getMessage());
        assertEquals(dir.resolve("dumbno.cfg") + ": [zeek] topic = zeek/dumbno/: not a topic like zeek/dumbno",
                assertThrows(ConfigException.class, () -> load(HEAD
                        + "[zeek]\nwebsocket = ws://127.0.0.1:1/v1/messages/json\ntopic = zeek/dumbno/\n"))
                        .getMessage());
    }
}
