package org.dumbno.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Server addresses as a user writes them: literals read without a resolver, names looked up when used. */
class ServerAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        127.0.0.1:9000      | 127.0.0.1:9000
        192.0.2.1:1         | 192.0.2.1:1
        192.0.2.1           | 192.0.2.1:9000
        [::1]:9001          | [::1]:9001
        [2001:DB8:0::7]:53  | [2001:db8::7]:53
        ::1                 | [::1]:9000
        [::1]               | [::1]:9000
        2001:db8::7         | [2001:db8::7]:9000
        localhost:9000      | localhost:9000
        dumbno.example.org  | dumbno.example.org:9000
        sensor-7.lab.:53    | sensor-7.lab.:53
        """)
    void hostAndPort(String text, String expected) {
        assertEquals(expected, ServerAddress.parse(text, ACLClient.DEFAULT_PORT).toString());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "-dumbno.example.org", "dumbno..example.org", "dumbno_1:9000", "1.2.3", "010.0.0.1",
        "10.0.0.0/8", "1.2.3.4:", "1.2.3.4:x", "1.2.3.4:70000", "1.2.3.4:0", "[::1", "[::1]:", "*", "1.2.3.4 :9000",
        "fe80::1%eth0"})
    void refusesAnythingButALiteral(String text) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> ServerAddress.parse(text, ACLClient.DEFAULT_PORT));
        assertTrue(refusal.getMessage().startsWith("server "), refusal.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        127.0.0.1     | 127.0.0.1:9000
        ::1           | [::1]:9000
        [::1]         | [::1]:9000
        """)
    void hostAndSeparatePort(String host, String expected) {
        assertEquals(expected, ServerAddress.of(host, 9000).toString());
    }

    @org.junit.jupiter.api.Test
    void aHostNameIsLookedUpWhenUsed() throws java.io.IOException {
        assertTrue(ServerAddress.parse("localhost:9000", 1).socketAddress().getAddress().isLoopbackAddress());
        java.net.UnknownHostException unknown = assertThrows(java.net.UnknownHostException.class,
                () -> ServerAddress.parse("dumbno.invalid:9000", 1).socketAddress());
        assertEquals("server dumbno.invalid:9000: unknown host", unknown.getMessage());
    }
}
