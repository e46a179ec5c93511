package org.dumbno.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.dumbno.testing.Await;

/**
 * A sensor's socket on loopback; it reads only the server's replies. An unconnected channel, the
 * one kind of socket that sends empty datagrams too.
 */
final class Sensor implements AutoCloseable {
    private static final int REPLY_TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress server;
    private final DatagramChannel channel;
    private final DatagramSocket socket;

    Sensor(InetSocketAddress server) throws IOException {
        this(server, 0);
    }

    /** A sensor with a receive buffer of {@code receiveBufferBytes}, or the system's when 0. */
    Sensor(InetSocketAddress server, int receiveBufferBytes) throws IOException {
        this.server = server;
        channel = DatagramChannel.open(server.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        if (receiveBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
        }
        channel.bind(new InetSocketAddress(server.getAddress(), 0));
        socket = channel.socket();
        socket.setSoTimeout(REPLY_TIMEOUT_MILLIS);
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    String ask(String json) throws IOException {
        return ask(json.getBytes(StandardCharsets.UTF_8));
    }

    String ask(byte[] datagram) throws IOException {
        send(datagram);
        return receive();
    }

    void send(String json) throws IOException {
        send(json.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] datagram) throws IOException {
        channel.send(ByteBuffer.wrap(datagram), server);
    }

    /** The next reply; fails with a timeout when none comes. */
    String receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        do {
            socket.receive(packet);
        } while (!server.equals(packet.getSocketAddress()));
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

    /** Waits until {@code condition} holds, checking every millisecond; false after {@code timeout}. */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        return Await.until(condition, timeout);
    }
}
