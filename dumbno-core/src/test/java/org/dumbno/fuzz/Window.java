package org.dumbno.fuzz;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Sends datagrams to a server from a fixed set of client sockets, each with at most one datagram
 * unanswered, so that every reply belongs to exactly one datagram and the kernel never has more
 * than {@code size} requests to buffer. A reply that arrives where nothing is unanswered, or a
 * datagram left without a reply for too long, fails the run.
 */
final class Window implements AutoCloseable {
    /** What to do with one datagram's reply. */
    @FunctionalInterface
    interface Replies {
        void reply(long index, Datagram datagram, String reply);
    }

    private final InetSocketAddress server;
    private final Selector selector;
    private final List<Slot> slots = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(65_536);

    private static final class Slot {
        final DatagramChannel channel;
        Datagram current;
        long index;
        long sentAt;

        Slot(DatagramChannel channel) {
            this.channel = channel;
        }
    }

    Window(InetSocketAddress server, int size) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        for (int i = 0; i < size; i++) {
            DatagramChannel channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(server.getAddress(), 0));
            channel.configureBlocking(false);
            Slot slot = new Slot(channel);
            channel.register(selector, SelectionKey.OP_READ, slot);
            slots.add(slot);
        }
    }

    int size() {
        return slots.size();
    }

    /**
     * Sends {@code count} datagrams, the {@code i}th made by {@code source} just before it is sent,
     * and hands each reply to {@code replies}; returns when every one is answered.
     *
     * @throws AssertionError a reply came for nothing, or none came within {@code timeout}
     */
    void run(long count, LongFunction<Datagram> source, Replies replies, Duration timeout) throws IOException {
        long next = 0;
        long answered = 0;
        for (Slot slot : slots) {
            if (next < count) {
                send(slot, next, source.apply(next));
                next++;
            }
        }
        long lastCheck = System.nanoTime();
        while (answered < count) {
            selector.select(100);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                Slot slot = (Slot) keys.next().attachment();
                keys.remove();
                String reply;
                while ((reply = receive(slot)) != null) {
                    if (slot.current == null) {
                        throw new AssertionError("a reply with nothing unanswered on its socket: " + Printable.of(reply));
                    }
                    Datagram datagram = slot.current;
                    slot.current = null;
                    answered++;
                    replies.reply(slot.index, datagram, reply);
                    if (next < count) {
                        send(slot, next, source.apply(next));
                        next++;
                    }
                }
            }
            if (System.nanoTime() - lastCheck > Duration.ofMillis(100).toNanos()) {
                lastCheck = System.nanoTime();
                checkTimeouts(timeout);
            }
        }
    }

    private void checkTimeouts(Duration timeout) {
        for (Slot slot : slots) {
            if (slot.current != null && System.nanoTime() - slot.sentAt > timeout.toNanos()) {
                throw new AssertionError("no reply within " + timeout + " to datagram #" + slot.index + " ("
                        + slot.current.kind() + "): " + Printable.of(slot.current.bytes()));
            }
        }
    }

    private void send(Slot slot, long index, Datagram datagram) throws IOException {
        slot.current = datagram;
        slot.index = index;
        slot.sentAt = System.nanoTime();
        ByteBuffer bytes = ByteBuffer.wrap(datagram.bytes());
        if (!bytes.hasRemaining()) {
            slot.channel.send(bytes, server);
            return;
        }
        while (slot.channel.send(bytes, server) == 0) {
            if (System.nanoTime() - slot.sentAt > Duration.ofSeconds(5).toNanos()) {
                throw new AssertionError("the system would not send datagram #" + index);
            }
            Thread.onSpinWait();
        }
    }

    /** The next reply waiting on the slot's socket from the server, or null. */
    private String receive(Slot slot) throws IOException {
        buffer.clear();
        SocketAddress from = slot.channel.receive(buffer);
        if (from == null) {
            return null;
        }
        if (!server.equals(from)) {
            throw new AssertionError("a datagram from " + from + ", not the server " + server);
        }
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }

    @Override
    public void close() throws IOException {
        for (Slot slot : slots) {
            slot.channel.close();
        }
        selector.close();
    }
}
