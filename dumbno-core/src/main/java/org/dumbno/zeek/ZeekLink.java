package org.dumbno.zeek;

import java.io.Closeable;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dumbno's connection to Zeek: connects out to the configured URLs in turn, subscribes, waits for
 * the ack, hands every event to the {@link Handler}, and whenever the connection fails or Zeek
 * drops it, connects again after a backoff that doubles up to a limit (reset by an ack). The JDK's
 * client answers Zeek's pings itself.
 *
 * <p>Outgoing events wait in an {@link Outbox}, sent only on a subscribed connection.
 */
final class ZeekLink implements Closeable, Receiver.Connection {
    private static final Logger LOG = LoggerFactory.getLogger(ZeekLink.class);
    private static final byte[] PING = "dumbno".getBytes(StandardCharsets.US_ASCII);

    /** What Zeek sends, on the client's thread: keep it quick. */
    interface Handler {
        void event(Message.Event event);
    }

    private final List<URI> urls;
    private final String subscription;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Handler handler;
    private final Timing timing;
    private final Outbox outbox;

    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private WebSocket socket;
    private boolean acked;
    private boolean closed;
    private int nextUrl;
    private Duration backoff;
    private int failedAttempts;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> pinger;
    private boolean heard;

    /**
     * How long to wait for things, and how much to hold.
     *
     * @param backoffInitial first wait before connecting again
     * @param backoffMax longest wait before connecting again
     * @param handshake how long connecting and the ack may take
     * @param send how long one send may take before the connection is given up
     * @param outboxLimit characters of events waiting to be sent at most; more are dropped, logged
     * @param messageLimit characters one message from Zeek may have at most
     * @param keepalive how often dumbno pings Zeek; a connection that brought nothing (no message, no
     *        pong) between two pings is given up, so a Zeek gone without a word is noticed
     */
    record Timing(Duration backoffInitial, Duration backoffMax, Duration handshake, Duration send, int outboxLimit,
            int messageLimit, Duration keepalive) {
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 32 << 20, 1 << 20, Duration.ofSeconds(15));
    }

    ZeekLink(List<URI> urls, List<String> topics, HttpClient client, ScheduledExecutorService scheduler,
            Handler handler, Timing timing) {
        this.urls = List.copyOf(urls);
        this.subscription = Message.subscription(topics);
        this.client = client;
        this.scheduler = scheduler;
        this.handler = handler;
        this.timing = timing;
        this.outbox = new Outbox(timing.outboxLimit(), timing.send(), this::failed);
    }

    /** Starts connecting and the sender. */
    void start() {
        outbox.start();
        schedule(this::connect, Duration.ZERO);
    }

    /** Whether a connection is up and subscribed. */
    boolean connected() {
        lock.lock();
        try {
            return acked;
        } finally {
            lock.unlock();
        }
    }

    /** Queues one message for Zeek; false when the outbox is full (the message is dropped). */
    boolean send(String text) {
        return outbox.offer(text);
    }

    private void connect() {
        URI url;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            url = urls.get(nextUrl);
            nextUrl = (nextUrl + 1) % urls.size();
        } finally {
            lock.unlock();
        }
        LOG.debug("zeek: connecting to {}", url);
        Receiver receiver = new Receiver(url, timing.messageLimit(), this);
        CompletableFuture<WebSocket> opening;
        try {
            opening = client.newWebSocketBuilder().connectTimeout(timing.handshake()).buildAsync(url, receiver);
        } catch (Throwable t) {
            Loops.failed(LOG, "zeek connection to " + url, t);
            failed(null, url, t.toString());
            return;
        }
        opening.whenComplete((webSocket, error) -> {
            if (error != null) {
                failed(null, url, rootMessage(error));
            } else {
                opened(webSocket, url);
            }
        });
    }

    private void opened(WebSocket webSocket, URI url) {
        lock.lock();
        try {
            if (closed) {
                webSocket.abort();
                return;
            }
            socket = webSocket;
            cancelTimer();
            timer = scheduleLocked(() -> handshakeTimedOut(webSocket, url), timing.handshake());
        } finally {
            lock.unlock();
        }
        webSocket.sendText(subscription, true).whenComplete((ws, error) -> {
            if (error != null) {
                failed(webSocket, url, "subscribing failed: " + rootMessage(error));
            }
        });
    }

    @Override
    public void event(Message.Event event) {
        handler.event(event);
    }

    private void handshakeTimedOut(WebSocket webSocket, URI url) {
        lock.lock();
        try {
            if (socket != webSocket || acked) {
                return;
            }
        } finally {
            lock.unlock();
        }
        webSocket.abort();
        failed(webSocket, url, "no ack within " + timing.handshake().toMillis() + " ms");
    }

    @Override
    public void acked(WebSocket webSocket, URI url, Message.Ack ack) {
        lock.lock();
        try {
            if (socket != webSocket || acked) {
                return;
            }
            acked = true;
            backoff = null;
            failedAttempts = 0;
            cancelTimer();
            heard = true;
            long every = timing.keepalive().toNanos();
            try {
                pinger = scheduler.scheduleWithFixedDelay(() -> runQuietly(() -> keepalive(webSocket, url)), every,
                        every, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                pinger = null;
            }
        } finally {
            lock.unlock();
        }
        outbox.open(webSocket, url);
        LOG.info("zeek: connected to {} (Zeek {}, endpoint {})", url, ack.version(), ack.endpoint());
    }

    /** The connection (null: the attempt) failed: forget it and connect again after the backoff. */
    @Override
    public void failed(WebSocket webSocket, URI url, String why) {
        boolean wasUp;
        int attempts;
        Duration wait;
        lock.lock();
        try {
            if (webSocket != null && socket != webSocket) {
                return;
            }
            wasUp = acked;
            attempts = wasUp ? 0 : ++failedAttempts;
            socket = null;
            acked = false;
            cancelPinger();
            if (closed) {
                return;
            }
            backoff = backoff == null ? timing.backoffInitial() : min(backoff.multipliedBy(2), timing.backoffMax());
            wait = backoff;
            cancelTimer();
            timer = scheduleLocked(this::connect, wait);
        } finally {
            lock.unlock();
        }
        if (webSocket != null) {
            outbox.shut(webSocket);
            webSocket.abort();
        }
        if (wasUp) {
            LOG.warn("zeek: lost {}: {}; connecting again in {} ms", url, why, wait.toMillis());
        } else if (attempts == 1 || attempts % 20 == 0) {
            LOG.warn("zeek: cannot connect to {}: {}; trying again in {} ms (attempt {})", url, why, wait.toMillis(),
                    attempts);
        } else {
            LOG.debug("zeek: cannot connect to {}: {}; trying again in {} ms (attempt {})", url, why,
                    wait.toMillis(), attempts);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void schedule(Runnable task, Duration delay) {
        lock.lock();
        try {
            timer = scheduleLocked(task, delay);
        } finally {
            lock.unlock();
        }
    }

    private ScheduledFuture<?> scheduleLocked(Runnable task, Duration delay) {
        try {
            return scheduler.schedule(() -> runQuietly(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static void runQuietly(Runnable task) {
        Loops.guarded(LOG, "zeek connection task", task).run();
    }

    @Override
    public void heard(WebSocket webSocket) {
        lock.lock();
        try {
            if (socket == webSocket) {
                heard = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives the connection up when nothing came since the last ping; else pings again. */
    private void keepalive(WebSocket webSocket, URI url) {
        lock.lock();
        try {
            if (socket != webSocket) {
                return;
            }
            if (heard) {
                heard = false;
                webSocket.sendPing(ByteBuffer.wrap(PING));
                return;
            }
        } finally {
            lock.unlock();
        }
        failed(webSocket, url, "no answer within " + timing.keepalive().toMillis() + " ms of a ping");
    }

    private void cancelPinger() {
        if (pinger != null) {
            pinger.cancel(false);
            pinger = null;
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** What went wrong, in words: the first message along the causes, "connection refused" for one. */
    static String rootMessage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause.getMessage() != null && !(cause instanceof ExecutionException)
                    && !(cause instanceof CompletionException)) {
                return cause.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /**
     * Sends what is waiting while connected (for at most the send timeout), then stops connecting
     * and sending and closes the connection; idempotent.
     */
    @Override
    public void close() {
        outbox.close();
        WebSocket webSocket;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            cancelTimer();
            cancelPinger();
            webSocket = socket;
            socket = null;
            acked = false;
        } finally {
            lock.unlock();
        }
        if (webSocket != null) {
            try {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "dumbno stopping")
                        .get(timing.send().toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | IllegalStateException e) {
                LOG.debug("zeek: closing: {}", rootMessage(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            webSocket.abort();
        }
    }
}
