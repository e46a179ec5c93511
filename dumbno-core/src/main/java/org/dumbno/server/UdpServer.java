package org.dumbno.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.dumbno.internal.SocketAddresses;
import org.dumbno.manager.Shunter;
import org.dumbno.server.ServerStats.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP server sensors send their requests to. Every datagram gets exactly one reply datagram,
 * {@code ok} or {@code error: <reason>}. One thread only receives; decoding, the
 * {@link RequestGate} and the {@link Shunter} run on worker threads, and replies are sent without
 * ever blocking, so neither a burst nor a client that never reads holds the server up.
 */
public final class UdpServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpServer.class);

    private final List<DatagramChannel> channels;
    private final Selector selector;
    private final ReceiveLoop loop;
    private final Thread receiver;
    private final Workers workers;
    private final RequestHandler handler;
    private final Counters counters = new Counters();
    private final Pending pending = new Pending();
    private final Duration closeTimeout;
    private final AtomicBoolean receiving = new AtomicBoolean(true);
    private final AtomicBoolean closed = new AtomicBoolean();

    private UdpServer(List<DatagramChannel> channels, Selector selector, Shunter shunter, Options options) {
        this.channels = channels;
        this.selector = selector;
        this.workers = Workers.of(options.executor(), options.maxInFlight());
        this.handler = new RequestHandler(shunter, options.gate(), options.maxInFlight());
        this.closeTimeout = options.closeTimeout();
        this.loop = new ReceiveLoop(selector, this::dispatch, options.onFailure());
        this.receiver = new Thread(loop, "dumbno-udp-receive");
        receiver.setDaemon(true);
    }

    /**
     * Binds one socket per address in {@code listen} (IPv4 or IPv6; port 0 picks a free port) and
     * starts answering.
     *
     * @throws IOException when an address cannot be bound; nothing is left open then
     */
    public static UdpServer start(List<InetSocketAddress> listen, Shunter shunter, Options options)
            throws IOException {
        Objects.requireNonNull(shunter, "shunter");
        Objects.requireNonNull(options, "options");
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("the server needs at least one listen address");
        }
        for (InetSocketAddress address : listen) {
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("listen address " + address + " must be an IP address");
            }
        }
        List<DatagramChannel> channels = ListenSockets.open(listen, options.receiveBufferBytes());
        Selector selector;
        try {
            selector = Selector.open();
            for (DatagramChannel channel : channels) {
                channel.register(selector, SelectionKey.OP_READ);
            }
        } catch (IOException | RuntimeException e) {
            ListenSockets.closeAll(channels);
            throw e;
        }
        UdpServer server = new UdpServer(channels, selector, shunter, options);
        server.receiver.start();
        return server;
    }

    private void dispatch(DatagramChannel channel, InetSocketAddress client, byte[] datagram, int size) {
        counters.received();
        pending.begin();
        Exchange exchange = new Exchange(channel, client, datagram, size, counters, pending);
        try {
            workers.executor().execute(() -> handler.handle(exchange));
        } catch (RejectedExecutionException e) {
            exchange.error(ErrorKind.BUSY, RequestHandler.BUSY);
        } catch (RuntimeException | Error e) {
            LOG.error("client={} could not be handed to a worker", SocketAddresses.text(client), e);
            exchange.error(ErrorKind.INTERNAL, RequestHandler.INTERNAL_ERROR);
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** The addresses the server is bound to, with the ports the system picked. */
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (DatagramChannel channel : channels) {
            try {
                addresses.add((InetSocketAddress) channel.getLocalAddress());
            } catch (IOException e) {
                LOG.debug("{} has no local address: {}", channel, e.toString());
            }
        }
        return List.copyOf(addresses);
    }

    /** The receive loop's stall, if it stopped going round while receiving; empty while all is well. */
    public List<String> stalls() {
        if (!receiving.get()) {
            return List.of();
        }
        return loop.watch().stall().stream().toList();
    }

    /** The counters so far. */
    public ServerStats stats() {
        return counters.snapshot();
    }

    /**
     * Stops taking datagrams off the sockets; the requests already received are still answered, on
     * the sockets that stay open until {@link #close()}. Calling it again does nothing.
     */
    public void stopReceiving() {
        if (!receiving.compareAndSet(true, false)) {
            return;
        }
        loop.stop();
        if (Thread.currentThread() == receiver) {
            return;
        }
        try {
            receiver.join(Math.max(1, closeTimeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops receiving, waits (up to the close timeout) until every request received has been
     * answered, then closes the sockets. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopReceiving();
        try {
            if (!pending.awaitIdle(closeTimeout)) {
                LOG.warn("closing with {} requests unanswered after {}", pending.count(), closeTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
        }
    }

    private void release() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the selector failed: {}", e.toString());
        }
        List<String> addresses = addresses().stream().map(SocketAddresses::text).toList();
        ListenSockets.closeAll(channels);
        workers.close();
        LOG.info("stopped listening on {}", String.join(", ", addresses));
    }

    /**
     * How the server runs; {@link #defaults()} suit a resident server.
     */
    public static final class Options {
        /** The receive buffer asked of the system, so a burst waits in the kernel, not on the wire. */
        public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
        /**
         * Requests handed to the shunter and not yet answered, at most; also how many datagrams the
         * server's own pool holds waiting for a thread.
         */
        public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
        /** How long closing waits for requests in flight to be answered. */
        public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

        private final int receiveBufferBytes;
        private final Executor executor;
        private final int maxInFlight;
        private final RequestGate gate;
        private final Duration closeTimeout;
        private final Consumer<Throwable> onFailure;

        private Options(Builder builder) {
            this.receiveBufferBytes = builder.receiveBufferBytes;
            this.executor = builder.executor;
            this.maxInFlight = builder.maxInFlight;
            this.gate = builder.gate;
            this.closeTimeout = builder.closeTimeout;
            this.onFailure = builder.onFailure;
        }

        public static Options defaults() {
            return builder().build();
        }

        public static Builder builder() {
            return new Builder();
        }

        public int receiveBufferBytes() {
            return receiveBufferBytes;
        }

        /** The executor requests are handled on; null when the server runs its own small pool. */
        public Executor executor() {
            return executor;
        }

        public int maxInFlight() {
            return maxInFlight;
        }

        public RequestGate gate() {
            return gate;
        }

        public Duration closeTimeout() {
            return closeTimeout;
        }

        /** Told when the server stops receiving for good without being closed. */
        public Consumer<Throwable> onFailure() {
            return onFailure;
        }

        /** Builds {@link Options}; every setting has a default. */
        public static final class Builder {
            private int receiveBufferBytes = DEFAULT_RECEIVE_BUFFER_BYTES;
            private Executor executor;
            private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
            private RequestGate gate = RequestGate.ALLOW_ALL;
            private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
            private Consumer<Throwable> onFailure = failure -> { };

            private Builder() {
            }

            /** The SO_RCVBUF size to ask for; the system may grant less, which is logged. */
            public Builder receiveBufferBytes(int bytes) {
                if (bytes <= 0) {
                    throw new IllegalArgumentException("receive buffer (" + bytes + ") must be positive");
                }
                this.receiveBufferBytes = bytes;
                return this;
            }

            /**
             * The executor requests are decoded and handed to the shunter on. The caller keeps
             * ownership: closing the server does not shut it down. A task it rejects is answered
             * {@code error: server busy}.
             */
            public Builder executor(Executor executor) {
                this.executor = Objects.requireNonNull(executor, "executor");
                return this;
            }

            /**
             * Beyond this many requests waiting for the shunter, or this many datagrams waiting for
             * a thread of the server's own pool, requests are answered {@code error: server busy}.
             */
            public Builder maxInFlight(int requests) {
                if (requests <= 0) {
                    throw new IllegalArgumentException("max in flight (" + requests + ") must be positive");
                }
                this.maxInFlight = requests;
                return this;
            }

            public Builder gate(RequestGate gate) {
                this.gate = Objects.requireNonNull(gate, "gate");
                return this;
            }

            public Builder closeTimeout(Duration timeout) {
                if (timeout.isNegative()) {
                    throw new IllegalArgumentException("close timeout (" + timeout + ") must not be negative");
                }
                this.closeTimeout = timeout;
                return this;
            }

            /**
             * Told, once and on the receive thread, when receiving stops for good without
             * {@link UdpServer#close()} (the selector failed, or an error escaped a datagram's
             * hand-over). The server then answers nothing new; the owner should close it and stop,
             * so that a supervisor can restart the process. By default the failure is only logged.
             */
            public Builder onFailure(Consumer<Throwable> callback) {
                this.onFailure = Objects.requireNonNull(callback, "onFailure");
                return this;
            }

            public Options build() {
                return new Options(this);
            }
        }
    }
}
