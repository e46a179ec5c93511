package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.dumbno.eos.EosSwitch;
import org.dumbno.rule.Family;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Another writer on the switch (a second dumbno, an operator) took the number the engine picked:
 * the switch says {@code Duplicate sequence number}, the engine reads the switch again and puts
 * the rule under another number, a bounded number of times.
 */
@Timeout(10)
class SecondWriterTest {
    private final Harness h = new Harness();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dumbno");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private void writeByHand(String acl, String line) throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "ip access-list " + acl, line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk_1", "bulk_2"})
    void aNumberTakenBehindTheEnginesBackIsSkipped(String acl) throws Exception {
        h.start();
        writeByHand(acl, "501 deny ip host 10.9.9.9 any");

        ShuntOutcome outcome = h.shunt("10.0.0.1", null);

        assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status());
        assertEquals(503, outcome.sequence());
        for (String list : List.of("bulk_1", "bulk_2")) {
            assertEquals(1, h.denies(list, Family.IP).stream().filter(l -> l.endsWith(" deny ip host 10.0.0.1 any"))
                    .count(), "one line for the rule in " + list);
        }
        assertEquals(List.of("501 deny ip host 10.9.9.9 any", "503 deny ip host 10.0.0.1 any"),
                h.denies(acl, Family.IP), "the other writer's line stands");
        assertTrue(warnings().stream().anyMatch(w -> w.contains("seq=501") && w.contains(acl)
                && w.contains("Duplicate sequence number") && w.contains("another writer")), warnings().toString());
        assertEquals(505, h.shunt("10.0.0.2", null).sequence(), "the engine's picture is current again");
    }

    @Test
    void aRuleTheOtherWriterAlreadyAddedIsNotWrittenAgain() throws Exception {
        h.start();
        writeByHand("bulk_1", "501 deny ip host 10.0.0.1 any");
        writeByHand("bulk_2", "501 deny ip host 10.0.0.1 any");

        ShuntOutcome outcome = h.shunt("10.0.0.1", null);

        assertEquals(ShuntOutcome.Status.ALREADY_PRESENT, outcome.status());
        assertEquals(501, outcome.sequence());
        assertEquals(List.of("501 deny ip host 10.0.0.1 any"), h.denies("bulk_1", Family.IP));
        assertEquals(List.of("501 deny ip host 10.0.0.1 any"), h.denies("bulk_2", Family.IP));
    }

    @Test
    void aSwitchThatCallsEveryNumberADuplicateIsGivenUpOn() throws Exception {
        WrappedTransport wrapped = new WrappedTransport(h.sim);
        h.manager = h.newManager(b -> b.aclSwitch(EosSwitch.of(wrapped, Harness.PORTS)));
        h.manager.start();
        wrapped.refuseAsDuplicates(Integer.MAX_VALUE);
        long calls = h.sim.calls();

        ShuntOutcome outcome = h.shunt("10.0.0.1", null);

        assertEquals("error: sequence number taken on the switch 3 times in a row (another writer in the range?):"
                + " Duplicate sequence number", WireReply.of(outcome));
        assertEquals(calls + 2, h.sim.calls(), "a read before each of the two retries; the writes never got through");
        assertEquals(List.of(), h.denies("bulk_1", Family.IP));
    }
}
