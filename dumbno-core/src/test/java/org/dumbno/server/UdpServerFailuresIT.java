package org.dumbno.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.Request;
import org.dumbno.server.ServerStats.ErrorKind;
import org.dumbno.testing.Sensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A shunter or gate that fails, a shunter that is slow, and closing with requests in flight. */
@Timeout(30)
class UdpServerFailuresIT {
    private static final String VALID = "{\"src\": \"10.1.2.3\", \"proto\": \"tcp\", \"dport\": 22}";
    private static final String OTHER = "{\"src\": \"10.1.2.4\"}";
    private static final List<InetSocketAddress> LOOPBACK = List.of(new InetSocketAddress("127.0.0.1", 0));

    private static UdpServer start(Shunter shunter) throws IOException {
        return UdpServer.start(LOOPBACK, shunter, UdpServer.Options.defaults());
    }

    /** Answers requests for 10.1.2.4 and fails the others the way {@code failure} says. */
    private static Shunter failingUnlessOther(Shunter failure) {
        return request -> request.src().toString().equals("10.1.2.4")
                ? CompletableFuture.completedFuture(ShuntOutcome.installed(request.toRule(), 503))
                : failure.add(request);
    }

    @Test
    void aShunterThatThrowsIsAnInternalError() throws IOException {
        Shunter shunter = failingUnlessOther(request -> {
            throw new IllegalStateException("engine bug");
        });
        try (UdpServer server = start(shunter); Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("ok", sensor.ask(OTHER));
            assertEquals(1, server.stats().errors().get(ErrorKind.INTERNAL));
        }
    }

    @Test
    void aShunterThatThrowsAnErrorIsAnInternalErrorAndHoldsNoPlace() throws IOException {
        Shunter shunter = failingUnlessOther(request -> {
            throw new InternalError("engine bug");
        });
        UdpServer.Options options = UdpServer.Options.builder().maxInFlight(1).build();
        try (UdpServer server = UdpServer.start(LOOPBACK, shunter, options);
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("ok", sensor.ask(OTHER), "the one place in flight is free again");
            assertEquals(2, server.stats().errors().get(ErrorKind.INTERNAL));
        }
    }

    @Test
    void aGateThatThrowsAnErrorIsAnInternalError() throws IOException {
        RequestGate gate = (client, datagram) -> {
            throw new StackOverflowError("gate bug");
        };
        try (RecordingShunter shunter = RecordingShunter.installing();
                UdpServer server = UdpServer.start(LOOPBACK, shunter, UdpServer.Options.builder().gate(gate).build());
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("error: internal error", sensor.ask(OTHER));
            assertTrue(shunter.requests().isEmpty());
        }
    }

    @Test
    void aFailedFutureIsAnInternalError() throws IOException {
        Shunter shunter = failingUnlessOther(
                request -> CompletableFuture.failedFuture(new IOException("switch went away")));
        try (UdpServer server = start(shunter); Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("ok", sensor.ask(OTHER));
        }
    }

    @Test
    void aMissingFutureOrOutcomeIsAnInternalError() throws IOException {
        Shunter noFuture = failingUnlessOther(request -> null);
        try (UdpServer server = start(noFuture); Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("ok", sensor.ask(OTHER));
        }
        Shunter noOutcome = failingUnlessOther(request -> CompletableFuture.completedFuture(null));
        try (UdpServer server = start(noOutcome); Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
        }
    }

    @Test
    void aRefusalIsPassedOnWithItsReason() throws IOException {
        Shunter shunter = request -> CompletableFuture.completedFuture(
                ShuntOutcome.refused(request.toRule(), "10.1.2.3 is in never_shunt 10.0.0.0/8"));
        try (UdpServer server = start(shunter); Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: 10.1.2.3 is in never_shunt 10.0.0.0/8", sensor.ask(VALID));
            assertEquals(1, server.stats().errors().get(ErrorKind.REFUSED));
        }
    }

    @Test
    void theGateSeesTheClientAndTheBytesAndItsRefusalIsTheReply() throws IOException {
        AtomicReference<InetSocketAddress> seen = new AtomicReference<>();
        RequestGate gate = (client, datagram) -> {
            seen.set(client);
            return new String(datagram, java.nio.charset.StandardCharsets.UTF_8).contains("10.1.2.3")
                    ? Optional.of("client not allowed") : Optional.empty();
        };
        try (RecordingShunter shunter = RecordingShunter.installing();
                UdpServer server = UdpServer.start(LOOPBACK, shunter, UdpServer.Options.builder().gate(gate).build());
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: client not allowed", sensor.ask(VALID));
            assertEquals(sensor.localAddress(), seen.get());
            assertEquals("ok", sensor.ask(OTHER));
            assertEquals(List.of(Request.of("10.1.2.4", null, null, null, null)), shunter.requests());
            assertEquals(1, server.stats().errors().get(ErrorKind.GATE));
        }
    }

    @Test
    void aGateThatThrowsIsAnInternalError() throws IOException {
        RequestGate gate = (client, datagram) -> {
            throw new IllegalStateException("gate bug");
        };
        try (RecordingShunter shunter = RecordingShunter.installing();
                UdpServer server = UdpServer.start(LOOPBACK, shunter, UdpServer.Options.builder().gate(gate).build());
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertTrue(shunter.requests().isEmpty());
        }
    }

    @Test
    void aFullExecutorMeansBusy() throws IOException {
        Executor full = task -> {
            throw new RejectedExecutionException("queue full");
        };
        try (RecordingShunter shunter = RecordingShunter.installing();
                UdpServer server = UdpServer.start(LOOPBACK, shunter, UdpServer.Options.builder().executor(full).build());
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: server busy", sensor.ask(VALID));
            assertTrue(shunter.requests().isEmpty());
        }
    }

    @Test
    void aFloodBeyondTheOwnPoolsQueueIsAnsweredBusyOnceEachAndTheServerRecovers() throws Exception {
        int queue = 4;
        int flood = 10;
        CountDownLatch open = new CountDownLatch(1);
        RequestGate blocking = (client, datagram) -> {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
        UdpServer.Options options = UdpServer.Options.builder().gate(blocking).maxInFlight(queue).build();
        Shunter installing = request -> CompletableFuture.completedFuture(installed());
        try (UdpServer server = UdpServer.start(LOOPBACK, installing, options);
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            int held = Workers.DEFAULT_THREADS + queue;
            for (int i = 0; i < held + flood; i++) {
                sensor.send(VALID);
            }
            for (int i = 0; i < flood; i++) {
                assertEquals("error: server busy", sensor.receive());
            }
            open.countDown();
            for (int i = 0; i < held; i++) {
                assertEquals("ok", sensor.receive());
            }
            assertEquals("ok", sensor.ask(OTHER));

            ServerStats stats = server.stats();
            assertEquals(held + flood + 1, stats.received());
            assertEquals(held + flood + 1, stats.answered());
            assertEquals(flood, stats.errors().get(ErrorKind.BUSY));
            assertEquals(0, stats.sendFailures());
        } finally {
            open.countDown();
        }
    }

    @Test
    void anExecutorThatThrowsIsAnInternalErrorForThatDatagramOnly() throws IOException {
        AtomicBoolean thrown = new AtomicBoolean();
        Executor failingOnce = task -> {
            if (thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("executor bug");
            }
            task.run();
        };
        UdpServer.Options options = UdpServer.Options.builder().executor(failingOnce).build();
        try (RecordingShunter shunter = RecordingShunter.installing();
                UdpServer server = UdpServer.start(LOOPBACK, shunter, options);
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("ok", sensor.ask(OTHER));
            assertEquals(1, server.stats().errors().get(ErrorKind.INTERNAL));
        }
    }

    @Test
    void aReceiveLoopThatMeetsAnErrorAnswersItsDatagramAndKeepsReceiving() throws Exception {
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        AtomicBoolean thrown = new AtomicBoolean();
        Executor brokenOnce = task -> {
            if (thrown.compareAndSet(false, true)) {
                throw new AssertionError("executor broken once");
            }
            task.run();
        };
        UdpServer.Options options = UdpServer.Options.builder().executor(brokenOnce)
                .onFailure(reported::complete).build();
        try (RecordingShunter shunter = RecordingShunter.installing();
                UdpServer server = UdpServer.start(LOOPBACK, shunter, options);
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            assertEquals("error: internal error", sensor.ask(VALID));
            assertEquals("ok", sensor.ask(OTHER));

            assertFalse(reported.isDone(), "the loop did not stop");
            assertEquals(2, server.stats().answered());
            assertEquals(List.of(), server.stalls());
        }
    }

    @Test
    void theCallersExecutorIsUsedAndLeftRunning() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (RecordingShunter shunter = RecordingShunter.installing()) {
            UdpServer server = UdpServer.start(LOOPBACK, shunter, UdpServer.Options.builder().executor(executor).build());
            try (Sensor sensor = new Sensor(server.addresses().get(0))) {
                assertEquals("ok", sensor.ask(VALID));
            }
            server.close();
            assertFalse(executor.isShutdown());
        } finally {
            executor.shutdownNow();
        }
    }

    /** Keeps every future it hands out, for the test to complete. */
    private static final class HoldingShunter implements Shunter {
        final BlockingQueue<CompletableFuture<ShuntOutcome>> held = new LinkedBlockingQueue<>();

        @Override
        public CompletableFuture<ShuntOutcome> add(Request request) {
            CompletableFuture<ShuntOutcome> future = new CompletableFuture<>();
            held.add(future);
            return future;
        }

        CompletableFuture<ShuntOutcome> next() throws InterruptedException {
            CompletableFuture<ShuntOutcome> future = held.poll(10, TimeUnit.SECONDS);
            assertNotNull(future, "the request never reached the shunter");
            return future;
        }
    }

    private static ShuntOutcome installed() {
        return ShuntOutcome.installed(Request.parse(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toRule(), 501);
    }

    @Test
    void beyondMaxInFlightRequestsAreAnsweredBusy() throws Exception {
        HoldingShunter shunter = new HoldingShunter();
        UdpServer.Options options = UdpServer.Options.builder().maxInFlight(1).build();
        try (UdpServer server = UdpServer.start(LOOPBACK, shunter, options);
                Sensor sensor = new Sensor(server.addresses().get(0))) {
            sensor.send(VALID);
            CompletableFuture<ShuntOutcome> first = shunter.next();

            assertEquals("error: server busy", sensor.ask(OTHER));
            first.complete(installed());
            assertEquals("ok", sensor.receive());
            sensor.send(OTHER);
            shunter.next().complete(installed());
            assertEquals("ok", sensor.receive());
            assertEquals(1, server.stats().errors().get(ErrorKind.BUSY));
        }
    }

    @Test
    void closeAnswersRequestsInFlightFirst() throws Exception {
        HoldingShunter shunter = new HoldingShunter();
        UdpServer server = UdpServer.start(LOOPBACK, shunter, UdpServer.Options.defaults());
        try (Sensor sensor = new Sensor(server.addresses().get(0))) {
            sensor.send(VALID);
            CompletableFuture<ShuntOutcome> inFlight = shunter.next();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);

            assertFalse(closing.isDone());
            inFlight.complete(installed());

            assertEquals("ok", sensor.receive());
            closing.get(10, TimeUnit.SECONDS);
            assertEquals(1, server.stats().ok());
            server.close();
        }
    }

    @Test
    void closeGivesUpOnRequestsThatNeverFinish() throws Exception {
        HoldingShunter shunter = new HoldingShunter();
        UdpServer.Options options = UdpServer.Options.builder().closeTimeout(Duration.ofMillis(200)).build();
        UdpServer server = UdpServer.start(LOOPBACK, shunter, options);
        try (Sensor sensor = new Sensor(server.addresses().get(0))) {
            sensor.send(VALID);
            CompletableFuture<ShuntOutcome> neverDone = shunter.next();

            long started = System.nanoTime();
            server.close();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertTrue(tookMillis >= 150 && tookMillis < 5_000, "close took " + tookMillis + " ms");
            assertEquals(0, server.stats().answered());
            neverDone.complete(installed());
            assertEquals(1, server.stats().ok());
        }
    }
}
