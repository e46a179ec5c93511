package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulateCommandTest {

    @Test
    void listenAcceptsIpv4AndBracketedIpv6() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8080), SimulateCommand.address("127.0.0.1:8080"));
        assertEquals(8443, SimulateCommand.address("[::1]:8443").getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8080", "127.0.0.1", "127.0.0.1:70000", "127.0.0.1:x", ":8080"})
    void listenRefusesWhatIsNotALiteralAndPort(String listen) {
        assertThrows(IllegalArgumentException.class, () -> SimulateCommand.address(listen));
    }

    @Test
    void urlBracketsIpv6() {
        assertEquals("http://[0:0:0:0:0:0:0:1]:80/command-api",
                SimulateCommand.url(SimulateCommand.address("[::1]:80")));
    }

    @Test
    void isASubcommandOfDumbno() {
        assertEquals(SimulateCommand.class, DumbnoCommand.commandLine().getSubcommands().get("simulate")
                .getCommand().getClass());
    }
}
