package org.dumbno.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Consumer;
import org.dumbno.internal.LoopWatch;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that reads datagrams: it copies each one and hands it on, nothing else, so that a
 * burst is taken off the sockets as fast as it arrives.
 */
final class ReceiveLoop implements Runnable {
    /** Larger than any UDP payload, so a datagram's real length is always known. */
    private static final int BUFFER_BYTES = 65_536;
    /** Datagrams read from one socket before the next socket gets its turn. */
    private static final int BATCH = 64;
    /** The longest the loop waits for a datagram before it goes round, showing it is alive. */
    static final Duration ROUND = Duration.ofSeconds(1);
    /** The round a stall is judged by: generous, so a busy machine's pauses are not taken for one. */
    static final Duration WATCHED_ROUND = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);

    /** Where received datagrams go. */
    @FunctionalInterface
    interface Sink {
        void accept(DatagramChannel channel, InetSocketAddress client, byte[] datagram, int size);
    }

    private final Selector selector;
    private final Sink sink;
    private final Consumer<Throwable> onFailure;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final LoopWatch watch = LoopWatch.periodic("UDP receive loop", WATCHED_ROUND, Clock.systemUTC());
    private volatile boolean running = true;

    /** @param onFailure told, on this thread, when the loop stops for good without being stopped */
    ReceiveLoop(Selector selector, Sink sink, Consumer<Throwable> onFailure) {
        this.selector = selector;
        this.sink = sink;
        this.onFailure = onFailure;
    }

    /** Whether the loop still goes round. */
    LoopWatch watch() {
        return watch;
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                watch.progressed();
                selector.select(ROUND.toMillis());
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (running && key.isValid() && key.isReadable()) {
                        drain((DatagramChannel) key.channel());
                    }
                }
            }
        } catch (ClosedSelectorException e) {
            if (running) {
                fail(e);
            }
        } catch (OutOfMemoryError e) {
            Loops.failed(LOG, "UDP receive loop", e);
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    private void fail(Throwable failure) {
        boolean stopped = !running;
        running = false;
        if (stopped) {
            LOG.debug("the UDP receive loop ended while stopping: {}", failure.toString());
            return;
        }
        LOG.error("the UDP receive loop stopped: no more requests are received", failure);
        try {
            onFailure.accept(failure);
        } catch (RuntimeException e) {
            LOG.error("reporting the receive loop's failure failed", e);
        }
    }

    private void drain(DatagramChannel channel) {
        for (int i = 0; i < BATCH && running; i++) {
            buffer.clear();
            InetSocketAddress client;
            try {
                client = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                LOG.debug("receive on {} failed: {}", channel, e.toString());
                return;
            }
            if (client == null) {
                return;
            }
            buffer.flip();
            int size = buffer.remaining();
            byte[] datagram = new byte[Math.min(size, RequestHandler.MAX_DATAGRAM)];
            buffer.get(datagram);
            try {
                sink.accept(channel, client, datagram, size);
            } catch (Throwable t) {
                Loops.failed(LOG, "UDP receive loop", t);
            }
        }
    }
}
