package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting a connection throws an {@link Error}: the link logs it and tries again after the backoff. */
@Timeout(10)
class ConnectErrorTest {
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void anAttemptThatThrowsAnErrorIsFollowedByTheNext() {
        ZeekLink.Timing timing = new ZeekLink.Timing(BACKOFF, BACKOFF, Duration.ofSeconds(10), Duration.ofSeconds(10),
                10, 1 << 20, Duration.ofSeconds(15));
        ZeekLink link = new ZeekLink(List.of(URI.create("ws://127.0.0.1:9/v1/messages/json")), List.of("dumbno"),
                new FailingClient(), scheduler, event -> { }, timing);
        link.start();
        try {
            scheduler.runDue();
            assertEquals(1, attempts.get());
            assertEquals(1, scheduler.pending(), "the next attempt is scheduled");

            scheduler.advance(BACKOFF);

            assertEquals(2, attempts.get());
        } finally {
            link.close();
        }
    }

    /** A client whose every attempt to open a WebSocket throws an {@link Error}; nothing else is used. */
    private final class FailingClient extends HttpClient {
        @Override
        public WebSocket.Builder newWebSocketBuilder() {
            attempts.incrementAndGet();
            throw new InternalError("simulated fault");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SSLParameters sslParameters() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            throw new UnsupportedOperationException();
        }
    }
}
