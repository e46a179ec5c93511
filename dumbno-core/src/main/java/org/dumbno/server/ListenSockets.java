package org.dumbno.server;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dumbno.internal.SocketAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one non-blocking datagram channel per listen address. IPv6 wildcards are bound first: where
 * the system makes {@code [::]:P} dual-stack, a later {@code 0.0.0.0:P} is already served by it and
 * is skipped rather than failing.
 */
final class ListenSockets {
    private static final Logger LOG = LoggerFactory.getLogger(ListenSockets.class);

    private ListenSockets() {
    }

    static List<DatagramChannel> open(List<InetSocketAddress> listen, int receiveBufferBytes) throws IOException {
        List<InetSocketAddress> ordered = new ArrayList<>(listen);
        ordered.sort(Comparator.comparing(ListenSockets::isIpv6Wildcard).reversed());
        List<DatagramChannel> channels = new ArrayList<>();
        try {
            for (InetSocketAddress address : ordered) {
                DatagramChannel channel = bind(address, receiveBufferBytes, channels);
                if (channel != null) {
                    channels.add(channel);
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(channels);
            throw e;
        }
        return List.copyOf(channels);
    }

    private static DatagramChannel bind(InetSocketAddress address, int receiveBufferBytes,
            List<DatagramChannel> bound) throws IOException {
        boolean ipv6 = address.getAddress() instanceof Inet6Address;
        DatagramChannel channel = DatagramChannel.open(ipv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            channel.bind(address);
            channel.configureBlocking(false);
        } catch (BindException e) {
            channel.close();
            if (servedByDualStack(address, bound)) {
                LOG.info("listen={} is served by the dual-stack IPv6 socket on the same port",
                        SocketAddresses.text(address));
                return null;
            }
            throw bindFailure(address, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        logBuffer((InetSocketAddress) channel.getLocalAddress(), receiveBufferBytes,
                channel.getOption(StandardSocketOptions.SO_RCVBUF));
        return channel;
    }

    private static void logBuffer(InetSocketAddress local, int requested, int granted) {
        if (granted < requested) {
            LOG.warn("listen={} receive_buffer_requested={} receive_buffer_granted={}: bursts may be dropped;"
                    + " raise net.core.rmem_max", SocketAddresses.text(local), requested, granted);
        } else {
            LOG.info("listen={} receive_buffer_requested={} receive_buffer_granted={}", SocketAddresses.text(local),
                    requested, granted);
        }
    }

    private static BindException bindFailure(InetSocketAddress address, BindException cause) {
        BindException failure = new BindException("cannot listen on " + SocketAddresses.text(address) + ": "
                + cause.getMessage());
        failure.initCause(cause);
        return failure;
    }

    private static boolean servedByDualStack(InetSocketAddress address, List<DatagramChannel> bound)
            throws IOException {
        if (!address.getAddress().isAnyLocalAddress() || address.getAddress() instanceof Inet6Address) {
            return false;
        }
        for (DatagramChannel channel : bound) {
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            if (isIpv6Wildcard(local) && local.getPort() == address.getPort()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpv6Wildcard(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address && address.getAddress().isAnyLocalAddress();
    }

    static void closeAll(List<DatagramChannel> channels) {
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {} failed: {}", channel, e.toString());
            }
        }
    }
}
