package org.dumbno.zeek;

import java.io.Closeable;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages for Zeek, waiting in a queue bounded by their characters (a NetControl event echoes its
 * rule, some 1,500 characters, so a count would bound memory ten times less tightly than for a
 * plain reply) and sent one at a time (the JDK's client takes one
 * send at a time) by a thread of their own, on the connection that is open, if any. A message whose
 * send failed stays first in line for the next connection.
 */
final class Outbox implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** Told when a send fails, so the connection is given up. */
    interface Failure {
        void failed(WebSocket webSocket, URI url, String why);
    }

    private final int limit;
    private final Duration sendTimeout;
    private final Failure failure;
    private final Thread sender;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final Condition sent = lock.newCondition();
    // guarded by lock
    private final Deque<String> queue = new ArrayDeque<>();
    private WebSocket socket;
    private URI url;
    private boolean closed;
    private long queuedChars;
    private long dropped;

    /** {@code limit}: characters waiting to be sent at most. */
    Outbox(int limit, Duration sendTimeout, Failure failure) {
        this.limit = limit;
        this.sendTimeout = sendTimeout;
        this.failure = failure;
        this.sender = DaemonThreads.named("dumbno-zeek-send").newThread(this::sendLoop);
    }

    void start() {
        sender.start();
    }

    /** Queues one message; false when the queue is full or closed (the message is dropped, logged). */
    boolean offer(String text) {
        lock.lock();
        try {
            if (closed || queuedChars + text.length() > limit) {
                if (dropped++ % 1000 == 0) {
                    LOG.warn("zeek: {} events to send dropped so far (outbox of {} characters full or closed)",
                            dropped, limit);
                }
                return false;
            }
            queue.addLast(text);
            queuedChars += text.length();
            ready.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Sends on {@code webSocket} from now on. */
    void open(WebSocket webSocket, URI at) {
        lock.lock();
        try {
            socket = webSocket;
            url = at;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@code webSocket} is gone: hold the messages until the next {@link #open}. */
    void shut(WebSocket webSocket) {
        lock.lock();
        try {
            if (socket == webSocket) {
                socket = null;
                sent.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void sendLoop() {
        while (true) {
            try {
                if (!sendOne()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                Loops.failed(LOG, "zeek sender", e);
            }
        }
    }

    /** Sends the next message; false once closed. */
    private boolean sendOne() throws InterruptedException {
        WebSocket webSocket;
        URI at;
        String text;
        lock.lock();
        try {
            while (!closed && (socket == null || queue.isEmpty())) {
                ready.await();
            }
            if (closed) {
                return false;
            }
            webSocket = socket;
            at = url;
            text = queue.peekFirst();
        } finally {
            lock.unlock();
        }
        try {
            webSocket.sendText(text, true).get(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            shut(webSocket);
            failure.failed(webSocket, at, "sending failed: " + ZeekLink.rootMessage(e));
            return true;
        } catch (RuntimeException | Error e) {
            Loops.failed(LOG, "zeek sender", e);
            shut(webSocket);
            failure.failed(webSocket, at, "sending failed: " + e);
            return true;
        }
        lock.lock();
        try {
            if (queue.peekFirst() == text) {
                queue.pollFirst();
                queuedChars -= text.length();
            }
            sent.signalAll();
        } finally {
            lock.unlock();
        }
        return true;
    }

    /**
     * Waits, for at most the send timeout, until what is queued is sent or the connection is gone,
     * then stops the sender; idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            long wait = sendTimeout.toNanos();
            while (!closed && socket != null && !queue.isEmpty() && wait > 0) {
                wait = sent.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            ready.signalAll();
            lock.unlock();
        }
        sender.interrupt();
        try {
            sender.join(sendTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
