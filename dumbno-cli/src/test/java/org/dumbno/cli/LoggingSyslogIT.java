package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoggingSyslogIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private DatagramChannel syslog;
    private Selector selector;

    @BeforeEach
    void listen() throws IOException {
        syslog = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        syslog.configureBlocking(false);
        selector = Selector.open();
        syslog.register(selector, SelectionKey.OP_READ);
    }

    @AfterEach
    void close() throws IOException {
        Logging.removeSyslog();
        selector.close();
        syslog.close();
    }

    private String receive() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (syslog.receive(buffer) == null) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            assertTrue(left > 0, "no syslog datagram within " + WAIT);
            selector.select(left);
            selector.selectedKeys().clear();
        }
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }

    @Test
    void sendsEventLinesUnchangedToSyslog() throws IOException {
        int port = ((InetSocketAddress) syslog.getLocalAddress()).getPort();
        Logging.configureSyslog("127.0.0.1:" + port);
        String event = "op=ADD seq=501 rule=\"ip host 192.168.1.1 host 192.168.1.2\"";

        LoggerFactory.getLogger(Logging.EVENTS).info(event);

        String datagram = receive();
        assertTrue(datagram.startsWith("<30>"), "facility daemon, severity info: " + datagram);
        assertTrue(datagram.endsWith(" dumbno: " + event), datagram);
    }

    @Test
    void replacesAnEarlierDestination() throws IOException {
        int port = ((InetSocketAddress) syslog.getLocalAddress()).getPort();
        try (DatagramChannel other = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            Logging.configureSyslog("127.0.0.1:" + ((InetSocketAddress) other.getLocalAddress()).getPort());
        }
        Logging.configureSyslog("127.0.0.1:" + port);

        LoggerFactory.getLogger(Logging.EVENTS).warn("op=REMOVE acl=bulk_1 family=ip seq=501");

        String datagram = receive();
        assertEquals("<28>", datagram.substring(0, 4), datagram);
        assertTrue(datagram.endsWith(" dumbno: op=REMOVE acl=bulk_1 family=ip seq=501"), datagram);
    }
}
