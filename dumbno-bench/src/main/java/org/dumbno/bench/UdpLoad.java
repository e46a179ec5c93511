package org.dumbno.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Real request datagrams to a dumbno server over loopback, from non-blocking channels, and one
 * thread reading the replies. Every reply is matched to its request: a channel has at most one
 * request without an answer when {@link #sendOne} picks it, so the send-to-{@code ok} time of each
 * request is exact; {@link #burst} sends many per channel and only counts.
 */
final class UdpLoad implements Closeable {
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress server;
    private final Selector selector;
    private final Thread reader;
    private final Queue<Client> idle = new ConcurrentLinkedQueue<>();
    private final Queue<Client> toRegister = new ConcurrentLinkedQueue<>();
    private final List<Client> all = new ArrayList<>();
    private final AtomicLong oks = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastOk = new AtomicLong();
    private final Latencies latencies = new Latencies();
    private volatile String firstError;
    private volatile boolean running = true;

    private UdpLoad(InetSocketAddress server, int channels) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        for (int i = 0; i < channels; i++) {
            Client client = open();
            client.channel.register(selector, SelectionKey.OP_READ, client);
            idle.add(client);
        }
        this.reader = new Thread(this::readLoop, "bench-udp-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** A load against {@code server} with {@code channels} channels ready (more open on demand). */
    static UdpLoad to(InetSocketAddress server, int channels) throws IOException {
        return new UdpLoad(server, channels);
    }

    /**
     * Sends every datagram at once from {@code threads} sender threads, each over its share of the
     * channels, many requests per channel. Returns when all are sent.
     */
    void burst(List<byte[]> datagrams, int threads) throws InterruptedException {
        List<Client> clients = new ArrayList<>();
        for (Client client = idle.poll(); client != null; client = idle.poll()) {
            clients.add(client);
        }
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread sender = new Thread(() -> {
                for (int i = first; i < datagrams.size(); i += threads) {
                    send(clients.get(i % clients.size()), datagrams.get(i));
                }
            }, "bench-udp-send-" + t);
            senders.add(sender);
        }
        senders.forEach(Thread::start);
        for (Thread sender : senders) {
            sender.join();
        }
    }

    /** Sends one datagram from a channel with nothing outstanding; its reply is timed. */
    void sendOne(byte[] datagram) {
        Client client = idle.poll();
        if (client == null) {
            client = open();
            toRegister.add(client);
            selector.wakeup();
        }
        send(client, datagram);
    }

    private void send(Client client, byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        synchronized (client) {
            client.sent.add(System.nanoTime());
        }
        try {
            while (client.channel.write(buffer) == 0) {
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code expected} replies came or the deadline passed; whether they all came. */
    boolean awaitReplies(long expected, long deadlineNanos) {
        while (oks.get() + errors.get() < expected) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    long oks() {
        return oks.get();
    }

    long errors() {
        return errors.get();
    }

    /** The first reply that was not {@code ok}, or null. */
    String firstError() {
        return firstError;
    }

    /** System.nanoTime() of the last {@code ok}. */
    long lastOkNanos() {
        return lastOk.get();
    }

    Latencies latencies() {
        return latencies;
    }

    private Client open() {
        try {
            DatagramChannel channel = DatagramChannel.open();
            channel.configureBlocking(false);
            channel.connect(server);
            Client client = new Client(channel);
            synchronized (all) {
                all.add(client);
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
            while (running) {
                for (Client client = toRegister.poll(); client != null; client = toRegister.poll()) {
                    client.channel.register(selector, SelectionKey.OP_READ, client);
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    drain((Client) key.attachment(), buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void drain(Client client, ByteBuffer buffer) throws IOException {
        while (true) {
            buffer.clear();
            int size;
            try {
                size = client.channel.read(buffer);
            } catch (IOException e) {
                errors.incrementAndGet();
                firstError = firstError == null ? e.toString() : firstError;
                return;
            }
            if (size <= 0) {
                return;
            }
            long now = System.nanoTime();
            long sentAt;
            boolean nowIdle;
            synchronized (client) {
                Long head = client.sent.poll();
                sentAt = head == null ? now : head;
                nowIdle = client.sent.isEmpty();
            }
            buffer.flip();
            if (isOk(buffer)) {
                latencies.add(now - sentAt);
                lastOk.accumulateAndGet(now, Math::max);
                oks.incrementAndGet();
            } else {
                String text = StandardCharsets.UTF_8.decode(buffer).toString();
                firstError = firstError == null ? text : firstError;
                errors.incrementAndGet();
            }
            if (nowIdle) {
                idle.add(client);
            }
        }
    }

    private static boolean isOk(ByteBuffer reply) {
        return reply.remaining() == OK.length && reply.get(0) == OK[0] && reply.get(1) == OK[1];
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            reader.join(1000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (all) {
            for (Client client : all) {
                try {
                    client.channel.close();
                } catch (IOException e) {
                    // closing a datagram channel on loopback has nothing to flush
                }
            }
        }
    }

    /** One connected channel and the send times of its requests not yet answered. */
    private static final class Client {
        final DatagramChannel channel;
        final ArrayDeque<Long> sent = new ArrayDeque<>();

        Client(DatagramChannel channel) {
            this.channel = channel;
        }
    }
}
