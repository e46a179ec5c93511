package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.util.List;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.Await;
import org.dumbno.testing.LogCapture;
import org.dumbno.testing.ZeekPeer;
import org.dumbno.testing.ZeekPeer.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The plain path against a Zeek peer: Dumbno::request in, Dumbno::reply and Dumbno::removed out. */
@Timeout(60)
class PlainRequestsIT {
    private ZeekRig rig;

    @BeforeEach
    void setUp() throws Exception {
        rig = new ZeekRig();
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void subscribesToTheRequestAndNetControlTopics() {
        assertEquals("[\"zeek/dumbno/request\",\"zeek/dumbno/netcontrol\"]", rig.peer.subscriptions().get(0).toString());
    }

    @ParameterizedTest
    @EnumSource(Metadata.class)
    void aRequestIsAnsweredOkAndShunted(Metadata metadata) throws Exception {
        rig.request(7, "add", "10.1.2.3", "192.0.2.9", "tcp", 0, 443, metadata);

        ZeekPeer.Published reply = rig.next();
        assertEquals("zeek/dumbno/reply", reply.topic());
        assertEquals("Dumbno::reply", reply.name());
        assertEquals(2, reply.args().size());
        assertEquals("count", reply.type(0));
        assertEquals(7, reply.data(0).getAsLong());
        assertEquals("string", reply.type(1));
        assertEquals("ok", reply.data(1).getAsString());
        assertEquals(List.of("deny tcp host 10.1.2.3 host 192.0.2.9 eq https"), rig.denies("bulk_1"));
        assertEquals(List.of("deny tcp host 10.1.2.3 host 192.0.2.9 eq https"), rig.denies("bulk_2"));
    }

    @Test
    void aCookieAboveTheLargestLongIsAnsweredAsSent() throws Exception {
        // Zeek's count is 64 bits unsigned; the package's cookies start at a random multiple of 2^32.
        String cookie = "18446744069414584321";
        rig.peer.publish(ZeekRig.TOPIC + "/request", "Dumbno::request", Metadata.NONE,
                ZeekPeer.typed("count", new JsonPrimitive(new BigInteger(cookie))),
                ZeekPeer.string("add"), ZeekPeer.string("10.1.2.3"), ZeekPeer.string("192.0.2.9"),
                ZeekPeer.string("tcp"), ZeekPeer.count(0), ZeekPeer.count(443));

        ZeekPeer.Published reply = rig.next();
        assertEquals("count", reply.type(0));
        assertEquals(cookie, reply.data(0).getAsBigInteger().toString());
        assertEquals("ok", reply.data(1).getAsString());
    }

    @Test
    void emptyStringsAndZerosMeanAny() throws Exception {
        rig.request(8, "add", "", "192.0.2.9", "", 0, 0, Metadata.NONE);

        ZeekPeer.Published reply = rig.next();
        assertEquals(8, reply.data(0).getAsLong());
        assertEquals("ok", reply.data(1).getAsString());
        assertEquals(List.of("deny ip any host 192.0.2.9"), rig.denies("bulk_1"));
    }

    @Test
    void aBadRequestGetsTheUdpErrorAndChangesNothing() throws Exception {
        rig.request(9, "add", "10.1.2.3", "", "tcp", 0, 70000, Metadata.NONE);
        rig.request(10, "add", "10.1.2.3", "2001:db8::1", "tcp", 0, 443, Metadata.NONE);
        rig.request(11, "flush", "10.1.2.3", "", "", 0, 0, Metadata.NONE);
        rig.request(12, "add", "", "", "", 0, 0, Metadata.NONE);

        List<ZeekPeer.Published> replies = rig.peer.next(4, ZeekRig.WAIT);
        assertEquals(List.of("9 error: dport (70000) must be 1-65535",
                "10 error: dst (2001:db8::1) is not of the address family of src (10.1.2.3)",
                "11 error: op (flush) must be add or remove",
                "12 error: request must name at least one of src, dst, sport, dport"),
                replies.stream().map(r -> r.data(0).getAsLong() + " " + r.data(1).getAsString()).toList());
        assertEquals(List.of(), rig.denies("bulk_1"));
    }

    @Test
    void anIdleShuntIsReportedRemovedWithItsPackets() throws Exception {
        rig.request(21, "add", "10.1.2.3", "192.0.2.9", "udp", 1000, 2000, Metadata.NONE);
        assertEquals("ok", rig.next().data(1).getAsString());
        rig.traffic(Flow.of(Protocol.UDP, "10.1.2.3", 1000, "192.0.2.9", 2000), 30, 45_000);
        rig.purge();
        rig.purge();

        ZeekPeer.Published removed = rig.next();
        assertEquals("zeek/dumbno/reply", removed.topic());
        assertEquals("Dumbno::removed", removed.name());
        assertEquals(3, removed.args().size());
        assertEquals("count", removed.type(0));
        assertEquals(21, removed.data(0).getAsLong());
        assertEquals("string", removed.type(1));
        assertEquals("idle", removed.data(1).getAsString());
        assertEquals("count", removed.type(2));
        assertEquals(60, removed.data(2).getAsLong());
        assertEquals(List.of(), rig.denies("bulk_1"));
    }

    @Test
    void removeTakesTheShuntAwayAndTheAddersHearOfIt() throws Exception {
        rig.request(71, "add", "10.1.2.3", "192.0.2.9", "tcp", 0, 443, Metadata.NONE);
        assertEquals("ok", rig.next().data(1).getAsString());
        rig.request(72, "remove", "10.1.2.3", "192.0.2.9", "tcp", 0, 443, Metadata.NONE);

        List<ZeekPeer.Published> events = rig.peer.next(2, ZeekRig.WAIT);
        assertEquals(List.of("Dumbno::removed 71 request 0", "Dumbno::reply 72 ok"), events.stream()
                .map(e -> e.name() + " " + e.data(0).getAsLong() + " " + e.data(1).getAsString()
                        + (e.args().size() == 3 ? " " + e.data(2).getAsLong() : ""))
                .toList());
        assertEquals(List.of(), rig.denies("bulk_1"));
        assertEquals(List.of(), rig.denies("bulk_2"));

        rig.request(73, "remove", "10.1.2.3", "192.0.2.9", "tcp", 0, 443, Metadata.NONE);
        ZeekPeer.Published again = rig.next();
        assertEquals("Dumbno::reply", again.name());
        assertEquals(73, again.data(0).getAsLong());
        assertEquals("ok", again.data(1).getAsString());
    }

    @Test
    void aCookieAskingTwiceHearsOfTheRemovalOnce() throws Exception {
        rig.request(81, "add", "10.1.2.3", "", "", 0, 0, Metadata.NONE);
        rig.request(81, "add", "10.1.2.3", "", "", 0, 0, Metadata.NONE);
        rig.request(82, "add", "10.1.2.3", "", "", 0, 0, Metadata.NONE);
        assertEquals(List.of(81L, 81L, 82L), rig.peer.next(3, ZeekRig.WAIT).stream()
                .map(r -> r.data(0).getAsLong()).sorted().toList(), "one reply each, in any order");
        rig.purge();
        rig.purge();

        List<ZeekPeer.Published> removed = rig.peer.next(2, ZeekRig.WAIT);
        assertEquals(List.of("Dumbno::removed 81 idle", "Dumbno::removed 82 idle"), removed.stream()
                .map(e -> e.name() + " " + e.data(0).getAsLong() + " " + e.data(1).getAsString()).toList());
        rig.request(83, "add", "10.7.7.9", "", "", 0, 0, Metadata.NONE);
        assertEquals(83, rig.next().data(0).getAsLong(), "no third removal");
    }

    @Test
    void anErrorFromZeekIsLoggedAndTheConnectionStays() throws Exception {
        try (LogCapture logged = LogCapture.of(Receiver.class)) {
            rig.peer.sendError("deserialization_failed", "failed to create Zeek event");
            rig.request(31, "add", "10.1.2.4", "", "", 0, 0, Metadata.NONE);

            assertEquals("ok", rig.next().data(1).getAsString());
            assertTrue(rig.bridge.connected());
            assertEquals(List.of("zeek: " + rig.peer.url() + " reports error deserialization_failed: failed to create"
                    + " Zeek event"), logged.events().stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList());
        }
    }

    @Test
    void answersZeeksPings() {
        rig.peer.ping();

        assertTrue(Await.until(() -> rig.peer.pongs() == 1, ZeekRig.WAIT));
    }

    @Test
    void reconnectsAfterADroppedConnectionAndKeepsServing() throws Exception {
        rig.peer.dropConnections();
        assertTrue(Await.until(() -> rig.peer.subscriptions().size() == 2, ZeekRig.WAIT), "subscribed again");
        rig.awaitConnected();

        rig.request(41, "add", "10.1.2.5", "", "", 0, 0, Metadata.ZEEK7_NETWORK_TIME);
        ZeekPeer.Published reply = rig.next();
        assertEquals(41, reply.data(0).getAsLong());
        assertEquals("ok", reply.data(1).getAsString());
    }

    @Test
    void reconnectsToARestartedZeek() throws Exception {
        int port = rig.peer.port();
        rig.peer.close();
        assertTrue(Await.until(() -> !rig.bridge.connected(), ZeekRig.WAIT), "noticed Zeek went away");
        assertFalse(rig.bridge.stats().connected());

        rig.peer = ZeekPeer.start(port);
        rig.awaitConnected();
        rig.request(51, "add", "10.1.2.6", "", "", 0, 0, Metadata.NONE);
        assertEquals("ok", rig.next().data(1).getAsString());
        assertEquals(1, rig.bridge.stats().received().get("Dumbno::request"));
        assertEquals(1, rig.bridge.stats().sent().get("Dumbno::reply"));
    }

    @Test
    void ignoresEventsItDoesNotKnow() throws Exception {
        rig.peer.publish("zeek/dumbno/request", "Dumbno::something_else", Metadata.NONE, ZeekPeer.count(1));
        rig.request(61, "add", "10.1.2.7", "", "", 0, 0, Metadata.NONE);

        assertEquals(61, rig.next().data(0).getAsLong());
        assertEquals(1, rig.bridge.stats().received().get("other"));
    }
}
