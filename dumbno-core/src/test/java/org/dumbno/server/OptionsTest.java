package org.dumbno.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.dumbno.internal.SocketAddresses;
import org.dumbno.server.UdpServer.Options;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults() {
        Options options = Options.defaults();

        assertEquals(4 * 1024 * 1024, options.receiveBufferBytes());
        assertNull(options.executor());
        assertEquals(10_000, options.maxInFlight());
        assertSame(RequestGate.ALLOW_ALL, options.gate());
        assertEquals(Duration.ofSeconds(5), options.closeTimeout());
        assertEquals(Optional.empty(), options.gate().check(new InetSocketAddress("127.0.0.1", 1), new byte[0]));
    }

    @Test
    void settings() {
        Executor executor = Runnable::run;
        Options options = Options.builder().receiveBufferBytes(65_536).executor(executor).maxInFlight(3)
                .closeTimeout(Duration.ZERO).build();

        assertEquals(65_536, options.receiveBufferBytes());
        assertSame(executor, options.executor());
        assertEquals(3, options.maxInFlight());
        assertEquals(Duration.ZERO, options.closeTimeout());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Options.builder().receiveBufferBytes(0));
        assertThrows(IllegalArgumentException.class, () -> Options.builder().maxInFlight(0));
        assertThrows(IllegalArgumentException.class, () -> Options.builder().closeTimeout(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> Options.builder().gate(null));
        assertThrows(IllegalArgumentException.class,
                () -> UdpServer.start(List.of(), request -> null, Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> UdpServer.start(
                List.of(InetSocketAddress.createUnresolved("dumbno.example.org", 9000)), request -> null,
                Options.defaults()));
    }

    @Test
    void endpointsReadAsInLogs() {
        assertEquals("192.0.2.1:9000", SocketAddresses.text(new InetSocketAddress("192.0.2.1", 9000)));
        assertEquals("[2001:db8::1]:53", SocketAddresses.text(new InetSocketAddress("2001:db8:0:0:0:0:0:1", 53)));
    }
}
