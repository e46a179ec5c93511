package org.dumbno.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dumbno.internal.SocketAddresses;
import org.dumbno.server.ServerStats.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One datagram and the one reply it is owed. However many paths try to answer, only the first
 * reply is sent; sending never blocks, and a reply the system will not take is dropped.
 */
final class Exchange {
    /** A reply may always be this long, however short its request: room for most reasons in full. */
    static final int MIN_REPLY_LIMIT = 32;
    private static final String ERROR = WireReply.ERROR_PREFIX;

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    private final DatagramChannel channel;
    private final InetSocketAddress client;
    private final byte[] datagram;
    private final int size;
    private final Counters counters;
    private final Pending pending;
    private final AtomicBoolean answered = new AtomicBoolean();

    /**
     * @param datagram the bytes received, cut to the largest request read
     * @param size the datagram's real length, which may exceed {@code datagram.length}
     */
    Exchange(DatagramChannel channel, InetSocketAddress client, byte[] datagram, int size,
            Counters counters, Pending pending) {
        this.channel = channel;
        this.client = client;
        this.datagram = datagram;
        this.size = size;
        this.counters = counters;
        this.pending = pending;
    }

    InetSocketAddress client() {
        return client;
    }

    byte[] datagram() {
        return datagram;
    }

    int size() {
        return size;
    }

    void ok() {
        if (answered.compareAndSet(false, true)) {
            counters.ok();
            send(WireReply.OK);
        }
    }

    void error(ErrorKind kind, String reason) {
        if (answered.compareAndSet(false, true)) {
            counters.error(kind);
            String reply = ERROR + reason;
            if (LOG.isDebugEnabled()) {
                LOG.debug("client={} reply=\"{}\"", SocketAddresses.text(client), reply);
            }
            send(fit(reply, Math.max(size, MIN_REPLY_LIMIT)));
        }
    }

    /**
     * {@code reply} in UTF-8, cut to at most {@code limit} bytes at a character boundary: a reply is
     * never larger than its request (or {@link #MIN_REPLY_LIMIT}), so dumbno amplifies nothing. The
     * reason is cut, never the {@code error: } before it.
     */
    static byte[] fit(String reply, int limit) {
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return bytes;
        }
        int end = Math.max(limit, ERROR.length());
        while (end > ERROR.length() && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    private void send(String reply) {
        send(reply.getBytes(StandardCharsets.UTF_8));
    }

    private void send(byte[] reply) {
        try {
            if (channel.send(ByteBuffer.wrap(reply), client) == 0) {
                counters.sendFailed();
                LOG.debug("client={} reply dropped: no room in the send buffer", SocketAddresses.text(client));
            }
        } catch (IOException | RuntimeException e) {
            counters.sendFailed();
            LOG.debug("client={} reply dropped: {}", SocketAddresses.text(client), e.toString());
        } finally {
            pending.end();
        }
    }
}
