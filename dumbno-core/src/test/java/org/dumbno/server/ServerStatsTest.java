package org.dumbno.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.dumbno.server.ServerStats.ErrorKind;
import org.junit.jupiter.api.Test;

class ServerStatsTest {

    @Test
    void everyKindIsCountedEvenWhenZero() {
        ServerStats stats = new ServerStats(7, 4, Map.of(ErrorKind.INVALID, 2L, ErrorKind.BUSY, 1L), 0);

        assertEquals(ErrorKind.values().length, stats.errors().size());
        assertEquals(0L, stats.errors().get(ErrorKind.INTERNAL));
        assertEquals(3, stats.errorCount());
        assertEquals(7, stats.answered());
        assertThrows(UnsupportedOperationException.class, () -> stats.errors().put(ErrorKind.GATE, 1L));
    }

    @Test
    void countersMakeSnapshots() {
        Counters counters = new Counters();
        counters.received();
        counters.received();
        counters.ok();
        counters.error(ErrorKind.TOO_LARGE);
        counters.sendFailed();

        assertEquals(new ServerStats(2, 1, Map.of(ErrorKind.TOO_LARGE, 1L), 1), counters.snapshot());
    }
}
