package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.dumbno.config.ZeekSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.testing.Await;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;
import org.dumbno.testing.ZeekPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The backoff between attempts to reach Zeek, on a manual clock: 1 s, doubling up to the limit,
 * and back to 1 s once a connection was subscribed.
 */
@Timeout(30)
class ReconnectIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private ACLManager manager;
    private ZeekBridge bridge;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1").build();
        EosSwitch eos = EosSwitch.of(sim, Map.of("Ethernet1", "bulk_1"));
        eos.setup();
        manager = ACLManager.builder().aclSwitch(eos).build();
        manager.start();
        try (ZeekPeer gone = ZeekPeer.start()) {
            port = gone.port();
        }
        bridge = ZeekBridge.start(ZeekSettings.of(URI.create("ws://127.0.0.1:" + port + ZeekPeer.PATH)), manager,
                ZeekBridge.Options.defaults().scheduler(scheduler).backoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                        .keepalive(KEEPALIVE));
    }

    @AfterEach
    void tearDown() {
        bridge.close();
        manager.close();
    }

    /** Runs what is due now: one attempt; returns once it failed and the next one is scheduled. */
    private void attemptFails() {
        assertEquals(1, scheduler.runDue(), "one attempt due");
        assertTrue(Await.until(() -> scheduler.pending() == 1, WAIT), "the next attempt scheduled");
    }

    /** Nothing is due until {@code wait} has passed, then one attempt is. */
    private void nextAttemptAfter(Duration wait) {
        clock.advance(wait.minusMillis(1));
        assertEquals(0, scheduler.runDue(), "no attempt before " + wait);
        clock.advance(Duration.ofMillis(1));
    }

    @Test
    void backsOffDoublingUpToTheLimitAndStartsOverAfterASubscription() throws Exception {
        attemptFails();
        nextAttemptAfter(Duration.ofSeconds(1));
        attemptFails();
        nextAttemptAfter(Duration.ofSeconds(2));
        attemptFails();
        nextAttemptAfter(Duration.ofSeconds(4));
        attemptFails();
        nextAttemptAfter(Duration.ofSeconds(4));

        try (ZeekPeer zeek = ZeekPeer.start(port)) {
            assertEquals(1, scheduler.runDue());
            assertTrue(Await.until(() -> bridge.connected() && zeek.subscribed() == 1, WAIT), "connected");
        }
        assertTrue(Await.until(() -> !bridge.connected() && scheduler.pending() == 1, WAIT), "noticed Zeek stop");
        assertFalse(bridge.stats().connected());
        try (ZeekPeer zeek = ZeekPeer.start(port)) {
            nextAttemptAfter(Duration.ofSeconds(1));
            assertEquals(1, scheduler.runDue());
            assertTrue(Await.until(() -> bridge.connected() && zeek.subscribed() == 1, WAIT),
                    "connected again after 1 s, not 4 s");
        }
    }

    @Test
    void pingsZeekAndGivesUpAConnectionThatNoLongerAnswers() throws Exception {
        try (ZeekPeer zeek = ZeekPeer.start(port)) {
            assertEquals(1, scheduler.runDue());
            assertTrue(Await.until(bridge::connected, WAIT), "connected");
            clock.advance(KEEPALIVE);
            assertEquals(1, scheduler.runDue());
            assertTrue(Await.until(() -> zeek.pings() == 1, WAIT), "pinged");
            zeek.publish("zeek/dumbno/request", "Dumbno::request", ZeekPeer.Metadata.NONE, ZeekPeer.count(1),
                    ZeekPeer.string("add"), ZeekPeer.string("10.1.2.3"), ZeekPeer.string(""), ZeekPeer.string(""),
                    ZeekPeer.count(0), ZeekPeer.count(0));
            assertEquals("ok", zeek.next(WAIT).data(1).getAsString(), "the pong, sent before, has arrived too");

            zeek.answerPings(false);
            clock.advance(KEEPALIVE);
            assertEquals(1, scheduler.runDue());
            assertTrue(Await.until(() -> zeek.pings() == 2, WAIT), "pinged again");
            assertTrue(bridge.connected(), "the pong to the first ping kept the connection");
            clock.advance(KEEPALIVE);
            assertEquals(1, scheduler.runDue());
            assertFalse(bridge.connected(), "given up: nothing came since the second ping");
            assertEquals(1, scheduler.pending(), "connecting again");
        }
    }
}
