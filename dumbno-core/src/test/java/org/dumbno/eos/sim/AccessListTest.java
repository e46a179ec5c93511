package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.dumbno.rule.Family;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;

/**
 * A list's entries, kept in an array with the slots of lines taken out left empty until the array
 * is closed up, read as a sorted map of them would: by number, in order, the last number, the count.
 */
class AccessListTest {
    private static final Rule RULE = Rule.parse(Family.IP, "tcp host 10.0.0.1 eq 1234 host 10.0.0.2 eq https");

    @Test
    void readsAsASortedMapOfItsEntriesThroughAdditionsRemovalsAndReplacements() {
        Random random = new Random(16);
        for (int round = 0; round < 20; round++) {
            AccessList acl = new AccessList("bulk", Family.IP);
            NavigableMap<Long, LiveEntry> model = new TreeMap<>();
            int range = 1 + random.nextInt(round % 2 == 0 ? 40 : 400);
            for (int step = 0; step < 3_000; step++) {
                long sequence = switch (random.nextInt(4)) {
                    case 0 -> acl.nextSequence();
                    case 1 -> AccessList.MAX_SEQUENCE - random.nextInt(3);
                    default -> 1 + random.nextInt(range);
                };
                if (random.nextInt(3) == 0) {
                    assertSame(model.remove(sequence), acl.remove(sequence));
                } else if (sequence <= AccessList.MAX_SEQUENCE) {
                    LiveEntry entry = entry(sequence);
                    model.put(sequence, entry);
                    acl.put(entry);
                }
                long probe = random.nextInt(4) == 0 ? AccessList.MAX_SEQUENCE + 1 - random.nextInt(3)
                        : random.nextInt(range + 1);
                assertSame(model.get(probe), acl.entry(probe));
                assertEquals(model.isEmpty() ? AccessList.SEQUENCE_STEP : model.lastKey() + AccessList.SEQUENCE_STEP,
                        acl.nextSequence());
                assertEquals(model.size(), acl.entries().size());
            }
            assertEquals(new ArrayList<>(model.values()), new ArrayList<>(acl.entries()));
        }
    }

    @Test
    void aLineTakenOutAndPutBackUnderItsNumberKeepsItsPlace() {
        AccessList acl = new AccessList("bulk", Family.IP);
        List<LiveEntry> entries = new ArrayList<>();
        for (long sequence = 10; sequence <= 50; sequence += 10) {
            entries.add(entry(sequence));
            acl.put(entries.get(entries.size() - 1));
        }
        LiveEntry third = acl.remove(30);
        assertEquals(4, acl.entries().size());
        acl.put(third);
        assertEquals(entries, new ArrayList<>(acl.entries()));
        LiveEntry last = acl.remove(50);
        assertSame(entries.get(4), last);
        assertEquals(50, acl.nextSequence());
    }

    @Test
    void numbersAreFourBytesAsEosHasThem() {
        assertEquals(AccessList.MAX_SEQUENCE, entry(AccessList.MAX_SEQUENCE).sequence());
        assertThrows(IllegalArgumentException.class, () -> entry(AccessList.MAX_SEQUENCE + 1));
        assertThrows(IllegalArgumentException.class, () -> entry(0));
    }

    private static LiveEntry entry(long sequence) {
        return new LiveEntry(sequence, SimulatedEntry.Action.DENY, RULE);
    }
}
