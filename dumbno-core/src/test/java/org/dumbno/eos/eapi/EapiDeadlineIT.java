package org.dumbno.eos.eapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dumbno.acl.SwitchUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code timeout} bounds a whole call: a switch that keeps a reply trickling in, a byte at a time and
 * each well within the socket's read timeout, is still given up on once the call has taken that long.
 */
@Timeout(30)
class EapiDeadlineIT {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void aReplyTricklingInForeverIsCutOffAtTheTimeout() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch headersSent = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serveSlowly(listener, trickle, headersSent), "trickling-switch");
            server.setDaemon(true);
            server.start();
            try (EapiTransport eapi = EapiTransport.builder().scheme("http").host("127.0.0.1")
                    .port(listener.getLocalPort()).user("admin").password("pw").timeout(TIMEOUT).build()) {
                long start = System.nanoTime();

                SwitchUnavailableException e = assertThrows(SwitchUnavailableException.class,
                        () -> eapi.runCmds(List.of("show version")));

                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(0, headersSent.getCount(), "the switch had started to answer");
                assertTrue(e.getMessage().contains("no answer within 500 ms"), e.getMessage());
                assertTrue(tookMillis < 5_000, "gave up after " + tookMillis + " ms");
            }
        } finally {
            trickle.shutdownNow();
        }
    }

    /** Answers the first request with headers promising a large body, then one space every 100 ms. */
    private static void serveSlowly(ServerSocket listener, ScheduledExecutorService trickle, CountDownLatch headersSent) {
        try {
            Socket socket = listener.accept();
            readHeaders(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            headersSent.countDown();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    throw new IllegalStateException(closed);
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
