package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.eos.DummyTransport;
import org.dumbno.eos.SwitchException;
import org.dumbno.eos.Transport;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;
import org.junit.jupiter.api.Test;

/** A switch that keeps nothing (the dummy backend) has no layout to keep: nothing is repaired or refused. */
class DummyLayoutTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> commands = new ArrayList<>();

    private final Transport recorded = new Transport() {
        private final DummyTransport dummy = new DummyTransport();

        @Override
        public List<JsonObject> runCmds(List<String> cmds, Format format) throws SwitchException {
            commands.addAll(cmds);
            return dummy.runCmds(cmds, format);
        }

        @Override
        public String describe() {
            return dummy.describe();
        }

        @Override
        public void close() {
            dummy.close();
        }
    };

    @Test
    void requestsAreAnsweredAndNoLayoutIsWritten() throws Exception {
        ACLManager manager = ACLManager.builder().transport(recorded, Harness.PORTS).clock(clock)
                .scheduler(scheduler).purgeInterval(Duration.ofSeconds(30)).checkLayout(false).build();
        manager.start();

        var outcome = manager.add(Request.of("10.0.0.1", null, null, null, null));
        scheduler.runDue();
        manager.purge();

        assertEquals("ok", WireReply.of(outcome.getNow(null)));
        assertTrue(manager.layout().orElseThrow().ok());
        assertTrue(commands.stream().noneMatch(c -> c.startsWith("counters") || c.startsWith("hardware")
                || c.contains("access-group")), commands.toString());
    }
}
