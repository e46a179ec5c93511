package org.dumbno.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;

/** A refused line says which it was, which lines stand, the switch's words, and whether its number was taken. */
class EntryWriteExceptionTest {
    private static final AclKey IP1 = new AclKey("bulk_1", Family.IP);
    private static final AclKey IP2 = new AclKey("bulk_2", Family.IP);
    private static final EntryWrite FIRST = new EntryWrite(IP1, 501, Rule.parse("ip host 10.0.0.1 any"));
    private static final EntryWrite REFUSED = new EntryWrite(IP2, 501, Rule.parse("ip host 10.0.0.1 any"));

    @Test
    void aTakenNumberNamesTheLineTheListAndTheSwitchsWords() {
        List<EntryWrite> applied = new ArrayList<>(List.of(FIRST));
        IllegalStateException cause = new IllegalStateException("the switch's own error");

        EntryWriteException e = EntryWriteException.sequenceTaken("sw1", REFUSED, applied, List.of("in use"), cause);
        applied.clear();

        assertTrue(e.isSequenceTaken());
        assertSame(REFUSED, e.failedWrite());
        assertEquals(List.of(FIRST), e.applied(), "a copy of the lines that stand");
        assertEquals(1, e.appliedCount());
        assertEquals("in use", e.reason());
        assertEquals(List.of("in use"), e.reasons());
        assertEquals("sw1", e.switchName());
        assertEquals("sw1: writing 501 deny ip host 10.0.0.1 any into ip bulk_2 failed: in use", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void anyOtherRefusalIsNotATakenNumber() {
        EntryWriteException e = EntryWriteException.refused("sw1", REFUSED, List.of(),
                List.of("TCAM full", "try later"), null);

        assertFalse(e.isSequenceTaken());
        assertEquals("TCAM full; try later", e.reason());
        assertEquals(List.of(), e.applied());
    }
}
