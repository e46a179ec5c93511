package org.dumbno.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP relay on loopback between one client and a server that loses the server's first reply, as
 * a network may: the server did its work, the client never hears of it and tries again.
 */
public final class LossyRelay implements AutoCloseable {
    private final DatagramChannel front;
    private final DatagramChannel back;
    private final Thread thread;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> replies = new CopyOnWriteArrayList<>();

    private LossyRelay(InetSocketAddress server) throws IOException {
        front = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        back = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)).connect(server);
        thread = new Thread(this::relay, "lossy-relay");
        thread.setDaemon(true);
    }

    /** A relay to {@code server}, running. */
    public static LossyRelay start(InetSocketAddress server) throws IOException {
        LossyRelay relay = new LossyRelay(server);
        relay.thread.start();
        return relay;
    }

    /** Where clients send to. */
    public int port() throws IOException {
        return ((InetSocketAddress) front.getLocalAddress()).getPort();
    }

    /** The datagrams clients sent, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The server's replies, lost ones included, in order. */
    public List<String> replies() {
        return List.copyOf(replies);
    }

    private void relay() {
        try {
            while (true) {
                ByteBuffer request = ByteBuffer.allocate(65_536);
                SocketAddress client = front.receive(request);
                request.flip();
                requests.add(StandardCharsets.UTF_8.decode(request.duplicate()).toString());
                back.write(request);
                ByteBuffer reply = ByteBuffer.allocate(65_536);
                back.read(reply);
                reply.flip();
                replies.add(StandardCharsets.UTF_8.decode(reply.duplicate()).toString());
                if (replies.size() > 1) {
                    front.send(reply, client);
                }
            }
        } catch (ClosedChannelException e) {
            // closed by the test: done
        } catch (IOException e) {
            throw new IllegalStateException("relay failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        front.close();
        back.close();
    }
}
