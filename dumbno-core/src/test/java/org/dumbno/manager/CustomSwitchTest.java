package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.SwitchException;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine drives a switch written against the SPI alone ({@link MemorySwitch}, no EOS in it)
 * through add, sweep and remove, and tells its failures apart by their types, whatever words the
 * switch uses: a number taken behind its back, a refused change, a switch out of reach.
 */
@Timeout(10)
class CustomSwitchTest {
    private static final AclKey IP1 = new AclKey("bulk_1", Family.IP);
    private static final AclKey IP2 = new AclKey("bulk_2", Family.IP);
    private static final AclKey IPV6_1 = new AclKey("bulk_1", Family.IPV6);
    private static final Request REQUEST = Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443);
    private static final Flow FLOW = Flow.of(Protocol.TCP, "10.1.2.3", 51234, "192.0.2.9", 443);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final MemorySwitch memory = new MemorySwitch("bulk_1", "bulk_2");
    private final List<String> removed = new CopyOnWriteArrayList<>();
    private ACLManager manager;

    @BeforeEach
    void start() throws SwitchException {
        manager = ACLManager.builder().aclSwitch(memory).clock(clock).scheduler(scheduler)
                .purgeInterval(Duration.ofSeconds(30)).build();
        manager.addListener(new ShuntListener() {
            @Override
            public void removed(Rule rule, long sequence, RemovalReason reason) {
                removed.add(reason + " " + sequence + " " + rule.text());
            }
        });
        manager.start();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private ShuntOutcome settle(CompletableFuture<ShuntOutcome> outcome) {
        scheduler.runDue();
        return outcome.getNow(null);
    }

    @Test
    void aShuntGoesIntoEveryListOfItsFamilyAndLeavesWhenItsTrafficStops() throws SwitchException {
        ShuntOutcome added = settle(manager.add(REQUEST));

        assertEquals(ShuntOutcome.Status.INSTALLED, added.status());
        assertEquals(501, added.sequence());
        assertEquals(List.of(501L), memory.sequences(IP1));
        assertEquals(List.of(501L), memory.sequences(IP2));
        assertEquals(List.of(), memory.sequences(IPV6_1));

        manager.purge();
        memory.traffic(FLOW, 10);
        clock.advance(Duration.ofSeconds(30));
        manager.purge();
        assertEquals(List.of(), removed, "its counter moved");
        assertEquals(1, manager.active().size());

        clock.advance(Duration.ofSeconds(30));
        manager.purge();
        assertEquals(List.of("IDLE 501 " + REQUEST.toRule().text()), removed);
        assertEquals(List.of(), memory.sequences(IP1));
        assertEquals(List.of(), memory.sequences(IP2));
        assertTrue(manager.active().isEmpty());
    }

    @Test
    void aRemovalTakesTheLineOutOfEveryListOnce() {
        settle(manager.add(REQUEST));

        ShuntOutcome first = settle(manager.remove(REQUEST));
        ShuntOutcome second = settle(manager.remove(REQUEST));

        assertEquals(ShuntOutcome.Status.REMOVED, first.status());
        assertEquals(501, first.sequence());
        assertEquals(List.of(), memory.sequences(IP1));
        assertEquals(List.of(), memory.sequences(IP2));
        assertEquals(ShuntOutcome.Status.NOT_PRESENT, second.status());
        assertEquals(List.of("REQUEST 501 " + REQUEST.toRule().text()), removed);
    }

    @Test
    void aNumberTakenBehindTheEnginesBackIsKnownFromTheExceptionNotFromItsWords() {
        Rule other = Rule.parse("ip host 10.9.9.9 any");
        memory.takeByHand(IP2, 501, other);

        ShuntOutcome outcome = settle(manager.add(REQUEST));

        assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status(), outcome.toString());
        assertEquals(503, outcome.sequence());
        assertEquals(List.of(501L), memory.sequences(IP1), "written before the refusal, it stands");
        assertEquals(List.of(501L, 503L), memory.sequences(IP2), "the other writer's line stands");
        assertEquals(List.of(), removed);
        assertEquals(505, settle(manager.add(Request.of("10.0.0.2", null, null, null, null))).sequence());
    }

    @Test
    void aRefusedChangeIsAnsweredWithTheSwitchsReason() {
        memory.refuseNextWrite("read-only for maintenance");

        ShuntOutcome refused = settle(manager.add(REQUEST));
        ShuntOutcome later = settle(manager.add(REQUEST));

        assertEquals(ShuntOutcome.Status.REFUSED, refused.status());
        assertEquals("switch refused the change: read-only for maintenance", refused.reason());
        assertEquals(ShuntOutcome.Status.INSTALLED, later.status(), "only that write was refused");
        assertEquals(List.of(later.sequence()), memory.sequences(IP1));
    }

    @Test
    void requestsWaitForASwitchOutOfReachAndAreWrittenWhenItIsBack() {
        memory.down(true);
        CompletableFuture<ShuntOutcome> waiting = manager.add(REQUEST);
        scheduler.runDue();
        assertNull(waiting.getNow(null), "waiting, not refused");
        assertEquals(clock.instant(), manager.unreachableSince().orElseThrow());

        memory.down(false);
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(ShuntOutcome.Status.INSTALLED, waiting.getNow(null).status());
        assertEquals(List.of(waiting.getNow(null).sequence()), memory.sequences(IP2));
        assertTrue(manager.unreachableSince().isEmpty());
    }
}
