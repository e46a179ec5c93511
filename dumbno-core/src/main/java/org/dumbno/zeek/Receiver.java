package org.dumbno.zeek;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import org.dumbno.rule.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one connection's messages: joins a message's frames (up to a limit), reads it, and tells
 * the {@link Connection} of the ack, of each event and of the connection's end. Error messages
 * from Zeek are logged; what cannot be read is logged and skipped.
 */
final class Receiver implements WebSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);

    /** What the connection hears of. */
    interface Connection {
        void acked(WebSocket webSocket, URI url, Message.Ack ack);

        void failed(WebSocket webSocket, URI url, String why);

        void event(Message.Event event);

        /** Something came on the connection: it is alive. */
        void heard(WebSocket webSocket);
    }

    private final URI url;
    private final int messageLimit;
    private final Connection connection;
    private final StringBuilder partial = new StringBuilder();

    Receiver(URI url, int messageLimit, Connection connection) {
        this.url = url;
        this.messageLimit = messageLimit;
        this.connection = connection;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (partial.length() + data.length() > messageLimit) {
            partial.setLength(0);
            connection.failed(webSocket, url, "a message longer than " + messageLimit + " characters");
            return null;
        }
        partial.append(data);
        connection.heard(webSocket);
        // Ask for the next message before handling this one, so reading goes on meanwhile.
        webSocket.request(1);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            receive(webSocket, text);
        }
        return null;
    }

    private void receive(WebSocket webSocket, String text) {
        try {
            dispatch(webSocket, text);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.error("zeek: handling a message from {} failed", url, e);
        }
    }

    private void dispatch(WebSocket webSocket, String text) {
        Message message;
        try {
            message = Message.parse(text);
        } catch (InvalidRequestException e) {
            LOG.warn("zeek: {} sent a message dumbno cannot read ({}): {}", url, e.getMessage(),
                    InvalidRequestException.quote(text));
            return;
        }
        if (message instanceof Message.Ack ack) {
            connection.acked(webSocket, url, ack);
        } else if (message instanceof Message.Error error) {
            LOG.warn("zeek: {} reports error {}: {}", url, error.code(), error.context());
        } else if (message instanceof Message.Event event) {
            connection.event(event);
        } else if (message instanceof Message.Other other) {
            LOG.debug("zeek: {} sent a {}, ignored", url, other.description());
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        LOG.debug("zeek: {} sent a binary frame, ignored", url);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        connection.heard(webSocket);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        connection.heard(webSocket);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        connection.failed(webSocket, url, "closed by Zeek (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        connection.failed(webSocket, url, ZeekLink.rootMessage(error));
    }
}
