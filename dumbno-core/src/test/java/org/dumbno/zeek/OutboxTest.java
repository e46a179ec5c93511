package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dumbno.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OutboxTest {

    @Test
    void holdsAtMostItsLimitWhileNoConnectionIsOpenAndNothingOnceClosed() {
        Outbox outbox = new Outbox(6, Duration.ofMillis(100), (webSocket, url, why) -> { });
        outbox.start();
        try {
            assertTrue(outbox.offer("one"));
            assertTrue(outbox.offer("two"));
            assertFalse(outbox.offer("three"), "over the limit");
        } finally {
            outbox.close();
        }
        assertFalse(outbox.offer("four"), "closed");
    }

    @Test
    void isBoundedByCharactersSoLongEventsCannotExhaustMemory() {
        Outbox outbox = new Outbox(1000, Duration.ofMillis(100), (webSocket, url, why) -> { });
        outbox.start();
        try {
            assertTrue(outbox.offer("x".repeat(600)));
            assertFalse(outbox.offer("x".repeat(600)), "1200 characters over a limit of 1000");
            assertTrue(outbox.offer("x".repeat(400)), "what still fits");
        } finally {
            outbox.close();
        }
    }

    @Test
    void aSendThatThrowsAnErrorGivesTheConnectionUpAndTheNextOneSends() throws Exception {
        URI url = URI.create("ws://127.0.0.1:9/v1/messages/json");
        List<String> failures = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(10, Duration.ofSeconds(5), (webSocket, at, why) -> failures.add(why));
        outbox.start();
        try {
            FakeSocket broken = new FakeSocket(true);
            FakeSocket next = new FakeSocket(false);
            assertTrue(outbox.offer("one"));
            outbox.open(broken, url);

            assertTrue(Await.until(() -> !failures.isEmpty(), Duration.ofSeconds(5)), "the connection was given up");
            assertTrue(failures.get(0).contains("simulated fault"), failures.toString());
            outbox.open(next, url);

            assertTrue(Await.until(() -> next.sent.contains("one"), Duration.ofSeconds(5)),
                    "the sender sends on the next connection");
        } finally {
            outbox.close();
        }
    }

    /** A connection that records what is sent, or throws an {@link Error} on every send. */
    private static final class FakeSocket implements WebSocket {
        final List<String> sent = new CopyOnWriteArrayList<>();
        private final boolean broken;

        FakeSocket(boolean broken) {
            this.broken = broken;
        }

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            if (broken) {
                throw new InternalError("simulated fault");
            }
            sent.add(data.toString());
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public void request(long n) {
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {
        }
    }
}
