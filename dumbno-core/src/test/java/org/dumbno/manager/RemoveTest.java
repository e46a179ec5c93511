package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** A request takes its shunt away from every list of its family, proven by a read of the switch. */
@Timeout(10)
class RemoveTest {
    private static final Request FLOW = Request.of("10.0.0.1", "10.0.0.2", "tcp", 1234, 443);
    private static final Rule RULE = Rule.parse("tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq 443");
    private final Harness h = new Harness();
    private final WrappedTransport wrapped = new WrappedTransport(h.sim);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dumbno");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void start() throws SwitchException {
        lines.start();
        logger.addAppender(lines);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.addListener(new ShuntListener() {
            @Override
            public void removed(Rule rule, long sequence, RemovalReason reason) {
                heard.add(reason + " " + sequence + " " + rule.text());
            }

            @Override
            public void refused(Request request, String reason) {
                heard.add("failed " + reason);
            }
        });
        h.manager.start();
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    private ShuntOutcome remove(Request request) {
        CompletableFuture<ShuntOutcome> future = h.manager.remove(request);
        h.scheduler.runDue();
        return future.getNow(null);
    }

    private List<String> removeLines() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(l -> l.startsWith("op=REMOVE"))
                .toList();
    }

    @Test
    void aShuntGoesFromEveryListOfItsFamily() {
        h.shunt(FLOW);
        h.shunt(Request.of("10.0.0.1", "10.0.0.3", null, null, null));

        ShuntOutcome outcome = remove(FLOW);

        assertEquals(ShuntOutcome.removed(RULE, 501), outcome);
        assertEquals("ok", WireReply.of(outcome));
        assertEquals(List.of("503 deny ip host 10.0.0.1 host 10.0.0.3"), h.denies("bulk_1", Family.IP));
        assertEquals(List.of("503 deny ip host 10.0.0.1 host 10.0.0.3"), h.denies("bulk_2", Family.IP));
        assertEquals(List.of("REQUEST 501 " + RULE.text()), heard);
        assertEquals(List.of(
                "op=REMOVE acl=bulk_1 family=ip seq=501 rule=\"" + RULE.text() + "\" matches=0 ago=0:00:00 reason=request",
                "op=REMOVE acl=bulk_2 family=ip seq=501 rule=\"" + RULE.text() + "\" matches=0 ago=0:00:00 reason=request"),
                removeLines());
        assertEquals(1, h.manager.active().size());
    }

    @Test
    void aRuleOnNoListIsAnsweredOkAndNothingIsWritten() {
        h.shunt(Request.of("10.0.0.9", null, null, null, null));
        long calls = h.sim.calls();
        long commands = h.sim.commandsRun();

        ShuntOutcome outcome = remove(FLOW);

        assertEquals(ShuntOutcome.notPresent(RULE), outcome);
        assertEquals("ok", WireReply.of(outcome));
        assertEquals(List.of("501 deny ip host 10.0.0.9 any"), h.denies("bulk_1", Family.IP));
        assertEquals(calls + 1, h.sim.calls(), "one call, nothing else");
        assertEquals(commands + 6, h.sim.commandsRun(), "a read of the four lists and their two summaries");
        assertEquals(List.of(), heard);
    }

    @Test
    void copiesUnderNumbersDumbnoNeverWroteGoToo() throws SwitchException {
        h.shunt(FLOW);
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_2", "701 deny tcp host 10.0.0.1 eq 1234 "
                + "host 10.0.0.2 eq https"));

        ShuntOutcome outcome = remove(FLOW);

        assertEquals(ShuntOutcome.removed(RULE, 501), outcome);
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
        assertEquals(List.of(), h.denies("bulk_2", Family.IP));
        assertEquals(3, removeLines().size());
    }

    @Test
    void aCopyWrittenWhileTheRemovalRunsGoesInASecondRound() {
        h.shunt(FLOW);
        wrapped.during(commands -> commands.contains("no 501"), () -> {
            try {
                h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_1", "801 deny tcp host 10.0.0.1 "
                        + "eq 1234 host 10.0.0.2 eq 443"));
            } catch (SwitchException e) {
                throw new AssertionError(e);
            }
        });

        ShuntOutcome outcome = remove(FLOW);

        assertEquals(ShuntOutcome.removed(RULE, 501), outcome);
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
        assertTrue(removeLines().get(2).contains("seq=801"), removeLines().toString());
    }

    @Test
    void aSwitchThatKeepsTheLineIsNotAnsweredOk() {
        h.shunt(FLOW);
        wrapped.keepRemovedLines(true);

        ShuntOutcome outcome = remove(FLOW);

        assertEquals(ShuntOutcome.Status.REFUSED, outcome.status());
        assertEquals("error: rule still on the switch after 3 removals (another writer puts it back?)",
                WireReply.of(outcome));
        assertEquals(List.of("501 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"),
                h.denies("bulk_1", Family.IP));
        assertEquals(1, h.manager.active().size());
    }

    /**
     * A removal that gave up leaves the rule as the switch shows it, standing: asked for again, it
     * is confirmed where it is, not written a second time under a new number.
     */
    @Test
    void aRuleARemovalGaveUpOnStillStands() {
        h.shunt(FLOW);
        wrapped.keepRemovedLines(true);
        assertEquals(ShuntOutcome.Status.REFUSED, remove(FLOW).status());
        wrapped.keepRemovedLines(false);

        CompletableFuture<ShuntOutcome> again = h.manager.add(FLOW);
        h.scheduler.runDue();

        assertEquals(ShuntOutcome.alreadyPresent(RULE, 501), again.getNow(null));
        assertEquals(List.of("501 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"),
                h.denies("bulk_1", Family.IP));
        assertEquals(List.of("501 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"),
                h.denies("bulk_2", Family.IP));
    }

    /** Whatever ends the removal's call, an Error too, its lines stand: the rule is not written a second time. */
    @Test
    void aRemovalEndedByAnErrorLeavesTheRuleStanding() {
        h.shunt(FLOW);
        wrapped.during(commands -> commands.contains("no 501"), () -> {
            throw new StackOverflowError("deep in the call");
        });
        assertEquals(ShuntOutcome.Status.REFUSED, remove(FLOW).status());

        CompletableFuture<ShuntOutcome> again = h.manager.add(FLOW);
        h.scheduler.runDue();

        assertEquals(ShuntOutcome.alreadyPresent(RULE, 501), again.getNow(null));
        assertEquals(List.of("501 deny tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https"),
                h.denies("bulk_1", Family.IP));
    }

    @Test
    void anUnreachableSwitchRefusesTheRemovalAndTheNextOneWorks() {
        h.shunt(FLOW);
        h.sim.failNextCalls(1);

        ShuntOutcome refused = remove(FLOW);
        ShuntOutcome removed = remove(FLOW);

        assertEquals(ShuntOutcome.Status.REFUSED, refused.status());
        assertTrue(refused.reason().startsWith("switch unreachable ("), refused.reason());
        assertEquals(ShuntOutcome.removed(RULE, 501), removed);
        assertEquals(List.of(), h.denies("bulk_2", Family.IP));
    }

    @Test
    void anAddStillWaitingForTheSwitchIsWithdrawn() {
        h.sim.failNextCalls(1);
        CompletableFuture<ShuntOutcome> add = h.manager.add(FLOW);
        h.scheduler.runDue();
        assertTrue(!add.isDone(), "the add waits for the switch");

        ShuntOutcome outcome = remove(FLOW);
        h.clock.advance(java.time.Duration.ofSeconds(10));
        h.scheduler.runDue();

        assertEquals(ShuntOutcome.notPresent(RULE), outcome);
        assertEquals("error: withdrawn by a request to remove it", WireReply.of(add.getNow(null)));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
        assertEquals(0, h.manager.queueDepth());
    }

    /**
     * A repeat asked before the removal is withdrawn with it: the later request wins. Here the
     * rule was taken off one list by hand, so the repeat's read could not prove it, and the write
     * lane would write it again after the removal.
     */
    @Test
    void aRepeatWaitingForItsConfirmationIsWithdrawnAndNotWrittenBack() throws SwitchException {
        h.shunt(FLOW);
        h.sim.runCmds(List.of("enable", "configure", "ip access-list bulk_2", "no 501"));
        CompletableFuture<ShuntOutcome> repeat = h.manager.add(FLOW);
        CompletableFuture<ShuntOutcome> removal = h.manager.remove(FLOW);
        h.scheduler.runDue();
        h.clock.advance(java.time.Duration.ofSeconds(10));
        h.scheduler.runDue();

        assertEquals("error: withdrawn by a request to remove it", WireReply.of(repeat.getNow(null)));
        assertEquals(ShuntOutcome.removed(RULE, 501), removal.getNow(null));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
        assertEquals(List.of(), h.denies("bulk_2", Family.IP));
        assertEquals(0, h.manager.queueDepth());
    }

    /** A repeat whose confirming read is in flight when the removal comes is withdrawn too. */
    @Test
    void aRepeatInAConfirmingReadInFlightIsWithdrawn() {
        h.shunt(FLOW);
        CompletableFuture<ShuntOutcome> repeat = h.manager.add(FLOW);
        List<CompletableFuture<ShuntOutcome>> removal = new CopyOnWriteArrayList<>();
        wrapped.during(commands -> commands.get(0).startsWith("show ip access-lists"),
                () -> removal.add(h.manager.remove(FLOW)));
        h.scheduler.runDue();
        h.clock.advance(java.time.Duration.ofSeconds(10));
        h.scheduler.runDue();

        assertEquals("error: withdrawn by a request to remove it", WireReply.of(repeat.getNow(null)));
        assertEquals(ShuntOutcome.removed(RULE, 501), removal.get(0).getNow(null));
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
        assertEquals(List.of(), h.denies("bulk_2", Family.IP));
    }

    @Test
    void aRemovalAfterCloseIsRefused() {
        h.manager.close();

        assertEquals("error: dumbno is shutting down", WireReply.of(remove(FLOW)));
    }
}
