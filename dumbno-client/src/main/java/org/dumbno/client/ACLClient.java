package org.dumbno.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running dumbno server to shunt a flow (or take a shunt away), as the Python and Go
 * clients do: one JSON datagram, one {@link Reply}, {@code ok} or {@code error: <reason>}.
 * {@link #add(FlowRequest)} and {@link #remove(FlowRequest)} answer the {@link Reply};
 * {@link #addAcl} and {@link #removeAcl} keep the Python client's arguments and answer the reply's
 * text. A request without an answer within the timeout is sent again, up to the number of tries.
 * Safe to share between threads: every call has its own socket, connected to the server, so
 * replies from anywhere else are never read.
 */
public final class ACLClient implements Closeable {
    /** The port dumbno listens on unless configured otherwise. */
    public static final int DEFAULT_PORT = 9000;
    /** How long each try waits for the reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    /** How many times a request is sent before giving up. */
    public static final int DEFAULT_TRIES = 3;

    private static final int MAX_REPLY_BYTES = 65_536;

    private final ServerAddress server;
    private final Duration timeout;
    private final int tries;
    private final byte[] secret;
    private final Clock clock;
    private final Set<DatagramSocket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A client of the server at {@code host} (an IPv4 or IPv6 literal, or a host name looked up at
     * every request, as the Python client did) and {@code port}, with the default timeout and tries.
     */
    public ACLClient(String host, int port) {
        this(builder().server(host, port));
    }

    private ACLClient(Builder builder) {
        if (builder.server == null) {
            throw new IllegalArgumentException("the client needs a server address");
        }
        this.server = builder.server;
        this.timeout = builder.timeout;
        this.tries = builder.tries;
        this.secret = builder.secret;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The server's socket address; a host name is looked up now.
     *
     * @throws UncheckedIOException the server's host name does not resolve
     */
    public InetSocketAddress server() {
        try {
            return server.socketAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asks for {@code request}'s flow to be shunted: sends it as {@link FlowRequest#toJson()} (as
     * {@link FlowRequest#toSignedJson}, when the client has a key) and waits for the reply.
     *
     * @return the server's reply: {@link Reply#isOk()} once the rule is on the switch
     * @throws ServerUnreachableException when no reply came after every try
     */
    public Reply add(FlowRequest request) throws IOException {
        return send(Op.ADD, request);
    }

    /**
     * Asks for {@code request}'s shunt to be taken away ({@code "op": "remove"}; servers before it
     * do not know the key).
     *
     * @return the server's reply: {@link Reply#isOk()} once the rule is on none of the switch's lists
     * @throws ServerUnreachableException when no reply came after every try
     */
    public Reply remove(FlowRequest request) throws IOException {
        return send(Op.REMOVE, request);
    }

    /**
     * Sends {@code op} on {@code request} as {@link FlowRequest#toJson(Op)} (as
     * {@link FlowRequest#toSignedJson(Op, byte[], long)}, when the client has a key) and waits for
     * the reply.
     *
     * @return the server's reply
     * @throws ServerUnreachableException when no reply came after every try
     */
    public Reply send(Op op, FlowRequest request) throws IOException {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IOException("the client for " + server + " is closed");
        }
        DatagramSocket socket = new DatagramSocket(null);
        sockets.add(socket);
        try {
            socket.connect(server.socketAddress());
            Signer signer = new Signer(op, request);
            for (int attempt = 0; attempt < tries; attempt++) {
                send(socket, signer.next());
                String reply = awaitReply(socket);
                if (reply != null) {
                    return new Reply(reply);
                }
            }
            throw new ServerUnreachableException(server.toString(), tries);
        } catch (SocketException e) {
            if (closed.get()) {
                throw new IOException("the client for " + server + " was closed", e);
            }
            throw e;
        } finally {
            sockets.remove(socket);
            socket.close();
        }
    }

    /**
     * Asks for a flow to be shunted, with the Python client's arguments and reply: null or empty
     * strings and null or 0 ports mean any. {@link #add(FlowRequest)} answers with a {@link Reply}.
     *
     * @return the server's reply, {@code ok} or {@code error: <reason>}
     * @throws IllegalArgumentException before anything is sent, when the request cannot be sent
     *     (see {@link FlowRequest})
     * @throws ServerUnreachableException when no reply came after every try
     */
    public String addAcl(String src, String dst, String proto, Integer sport, Integer dport) throws IOException {
        return addAcl(FlowRequest.of(src, dst, proto, sport, dport));
    }

    /** {@link #add(FlowRequest)}, answering the reply's text: {@code ok} or {@code error: <reason>}. */
    public String addAcl(FlowRequest request) throws IOException {
        return add(request).text();
    }

    /**
     * Asks for a flow's shunt to be taken away, with the arguments and reply of
     * {@link #addAcl(String, String, String, Integer, Integer)}; {@link #remove(FlowRequest)}
     * answers with a {@link Reply}.
     *
     * @return the server's reply, {@code ok} once the rule is on none of the switch's lists, or
     *     {@code error: <reason>}
     * @throws IllegalArgumentException before anything is sent, when the request cannot be sent
     *     (see {@link FlowRequest})
     * @throws ServerUnreachableException when no reply came after every try
     */
    public String removeAcl(String src, String dst, String proto, Integer sport, Integer dport) throws IOException {
        return removeAcl(FlowRequest.of(src, dst, proto, sport, dport));
    }

    /** {@link #remove(FlowRequest)}, answering the reply's text: {@code ok} or {@code error: <reason>}. */
    public String removeAcl(FlowRequest request) throws IOException {
        return remove(request).text();
    }

    /**
     * The datagrams of one request's tries. Unsigned, every try is the same. Signed, every try is
     * signed afresh with a timestamp later than the previous try's, so that a retry after a lost
     * reply is not refused as a replay of a try the server did accept.
     */
    private final class Signer {
        private final Op op;
        private final FlowRequest request;
        private long lastTs = Long.MIN_VALUE;

        Signer(Op op, FlowRequest request) {
            this.op = op;
            this.request = request;
        }

        DatagramPacket next() {
            String text;
            if (secret == null) {
                text = request.toJson(op);
            } else {
                long now = clock.instant().getEpochSecond();
                lastTs = lastTs == Long.MIN_VALUE ? now : Math.max(now, lastTs + 1);
                text = request.toSignedJson(op, secret, lastTs);
            }
            byte[] json = text.getBytes(StandardCharsets.UTF_8);
            return new DatagramPacket(json, json.length);
        }
    }

    /**
     * Sends the request. An unreachable port reported for an earlier try may surface here instead
     * of in a receive; it only means that try went unanswered, so the request is sent again.
     */
    private static void send(DatagramSocket socket, DatagramPacket packet) throws IOException {
        try {
            socket.send(packet);
        } catch (PortUnreachableException e) {
            socket.send(packet);
        }
    }

    /** The reply, or null when none came within the timeout. */
    private String awaitReply(DatagramSocket socket) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[MAX_REPLY_BYTES];
        while (true) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
                return new String(reply.getData(), reply.getOffset(), reply.getLength(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                return null;
            } catch (PortUnreachableException e) {
                // Nothing listens yet; a server starting up may still answer within this try.
                continue;
            }
        }
    }

    /** Closes the client; calls waiting for a reply end with an {@link IOException}. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sockets.forEach(DatagramSocket::close);
        }
    }

    @Override
    public String toString() {
        return "ACLClient[" + server + "]";
    }

    /** Builds an {@link ACLClient}; the server is required, the rest has defaults. */
    public static final class Builder {
        private ServerAddress server;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int tries = DEFAULT_TRIES;
        private byte[] secret;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Signs every request with this key ({@code [dumbno] secret_file} on the server), at least
         * {@value FlowRequest#MIN_KEY_BYTES} bytes; copied. Without it requests go unsigned, as ever.
         * Each try is signed afresh, its timestamp at least one second after the previous try's, so
         * a server that accepted a try whose reply was lost accepts the retry too.
         */
        public Builder secret(byte[] key) {
            FlowRequest.checkKey(key);
            this.secret = key.clone();
            return this;
        }

        /**
         * Signs every request with the key in {@code file}, read as the server reads
         * {@code [dumbno] secret_file}: the file's bytes without leading and trailing spaces, tabs
         * and line ends.
         */
        public Builder secretFile(Path file) throws IOException {
            byte[] content = Files.readAllBytes(file);
            int start = 0;
            int end = content.length;
            while (start < end && isSpace(content[start])) {
                start++;
            }
            while (end > start && isSpace(content[end - 1])) {
                end--;
            }
            byte[] key = Arrays.copyOfRange(content, start, end);
            Arrays.fill(content, (byte) 0);
            try {
                return secret(key);
            } catch (IllegalArgumentException e) {
                throw new IOException("secret file " + file + " holds fewer than " + FlowRequest.MIN_KEY_BYTES + " bytes", e);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\t' || b == '\r' || b == '\n';
        }

        /** The clock signatures are timestamped with (the system clock by default). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The server at {@code host}, an IPv4 or IPv6 literal (IPv6 with or without brackets). */
        public Builder server(String host, int port) {
            this.server = ServerAddress.of(host, port);
            return this;
        }

        /** The server as {@code host:port} or {@code [v6]:port}; port {@value ACLClient#DEFAULT_PORT} if none. */
        public Builder server(String hostAndPort) {
            this.server = ServerAddress.parse(hostAndPort, DEFAULT_PORT);
            return this;
        }

        /** How long each try waits for the reply. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 1) {
                throw new IllegalArgumentException("timeout (" + timeout + ") must be at least 1 ms");
            }
            this.timeout = timeout;
            return this;
        }

        /** How many times a request is sent before giving up; at least 1. */
        public Builder tries(int tries) {
            if (tries < 1) {
                throw new IllegalArgumentException("tries (" + tries + ") must be at least 1");
            }
            this.tries = tries;
            return this;
        }

        public ACLClient build() {
            return new ACLClient(this);
        }
    }
}
