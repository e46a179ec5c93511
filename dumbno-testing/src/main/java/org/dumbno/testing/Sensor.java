package org.dumbno.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A sensor's socket on loopback; it reads only the server's replies. An unconnected channel, the
 * one kind of socket that sends empty datagrams too.
 */
public final class Sensor implements AutoCloseable {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final InetSocketAddress server;
    private final DatagramChannel channel;
    private final DatagramSocket socket;

    public Sensor(InetSocketAddress server) throws IOException {
        this(server, 0);
    }

    /** A sensor with a receive buffer of {@code receiveBufferBytes}, or the system's when 0. */
    public Sensor(InetSocketAddress server, int receiveBufferBytes) throws IOException {
        this.server = server;
        channel = DatagramChannel.open(server.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        if (receiveBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
        }
        channel.bind(new InetSocketAddress(server.getAddress(), 0));
        socket = channel.socket();
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Sends {@code json} and returns the reply; fails with a timeout when none comes. */
    public String ask(String json) throws IOException {
        return ask(json.getBytes(StandardCharsets.UTF_8));
    }

    public String ask(byte[] datagram) throws IOException {
        send(datagram);
        return receive();
    }

    public void send(String json) throws IOException {
        send(json.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] datagram) throws IOException {
        channel.send(ByteBuffer.wrap(datagram), server);
    }

    /** The next reply; fails with a timeout when none comes within 10 seconds. */
    public String receive() throws IOException {
        String reply = receive(REPLY_TIMEOUT);
        if (reply == null) {
            throw new SocketTimeoutException("no reply from " + server + " within " + REPLY_TIMEOUT);
        }
        return reply;
    }

    /** The next reply, or null when none came within {@code timeout}. */
    public String receive(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        try {
            do {
                socket.receive(packet);
            } while (!server.equals(packet.getSocketAddress()));
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
