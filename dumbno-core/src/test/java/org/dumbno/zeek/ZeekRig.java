package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dumbno.acl.SwitchException;
import org.dumbno.config.ZeekSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.testing.Await;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ZeekPeer;

/**
 * An engine on a simulated switch with two ingress ports on two ACLs, a Zeek peer on loopback and
 * a bridge between them, reconnecting after 10 ms and pinging every 2 s. Expiry runs only when a test calls
 * {@link #purge()}; the clock moves only when a test moves it.
 */
final class ZeekRig implements AutoCloseable {
    /**
     * How long a test waits for something: longer than the 10 s dumbno waits for an ack before it
     * connects again, which the test peer's WebSocket server, under load, sometimes needs.
     */
    static final Duration WAIT = Duration.ofSeconds(25);
    static final String TOPIC = "zeek/dumbno";

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    final SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-2").clock(clock).build();
    final EosSwitch eos = EosSwitch.of(sim, Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"));
    final ACLManager manager;
    ZeekPeer peer;
    final ZeekBridge bridge;

    ZeekRig(UnaryOperator<ACLManager.Builder> settings) throws SwitchException, InterruptedException {
        eos.setup();
        manager = settings.apply(ACLManager.builder().aclSwitch(eos).clock(clock)
                .purgeInterval(Duration.ofHours(1))).build();
        manager.start();
        peer = ZeekPeer.start();
        bridge = ZeekBridge.start(ZeekSettings.of(URI.create(peer.url())), manager,
                ZeekBridge.Options.defaults().clock(clock).backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                        .keepalive(Duration.ofSeconds(2)));
        awaitConnected();
    }

    ZeekRig() throws SwitchException, InterruptedException {
        this(b -> b);
    }

    void awaitConnected() {
        assertTrue(Await.until(() -> bridge.connected() && peer.subscribed() == 1, WAIT), "dumbno connected to Zeek");
    }

    /** Publishes a Dumbno::request. */
    void request(long cookie, String op, String src, String dst, String proto, long sport, long dport,
            ZeekPeer.Metadata metadata) {
        peer.publish(TOPIC + "/request", "Dumbno::request", metadata, ZeekPeer.count(cookie), ZeekPeer.string(op),
                ZeekPeer.string(src), ZeekPeer.string(dst), ZeekPeer.string(proto), ZeekPeer.count(sport),
                ZeekPeer.count(dport));
    }

    /** The next event dumbno published; fails when none comes. */
    ZeekPeer.Published next() throws InterruptedException {
        ZeekPeer.Published event = peer.next(WAIT);
        assertNotNull(event, "an event from dumbno");
        return event;
    }

    /** The deny lines of one list, as the switch holds them. */
    List<String> denies(String acl) {
        return sim.entries(acl, Family.IP).stream().filter(e -> e.action() == SimulatedEntry.Action.DENY)
                .map(SimulatedEntry::text).toList();
    }

    /** Sends packets of a flow in through Ethernet1 (bulk_1) and Ethernet2 (bulk_2). */
    void traffic(Flow flow, long packetsEach, long bytesEach) {
        sim.send("Ethernet1", flow, packetsEach, bytesEach);
        sim.send("Ethernet2", flow, packetsEach, bytesEach);
    }

    void purge() throws SwitchException {
        manager.purge();
    }

    @Override
    public void close() {
        bridge.close();
        manager.close();
        peer.close();
    }
}
