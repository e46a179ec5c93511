package org.dumbno.faults;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dumbno.rule.Request;

/** One request's own socket on loopback, so the reply it reads is the reply to that request. */
final class Sensor implements AutoCloseable {
    private final DatagramSocket socket;
    final Request request;

    Sensor(InetSocketAddress server, Request request) throws IOException {
        this.request = request;
        socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
        socket.connect(server);
    }

    void send() throws IOException {
        byte[] json = request.toJson().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(json, json.length));
    }

    /** The reply, or null when none came within {@code timeout}. */
    String reply(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        try {
            socket.receive(packet);
            return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException | PortUnreachableException e) {
            return null;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
