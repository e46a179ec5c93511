package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.InterfaceCounters;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.SetupReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.rule.Request;
import org.dumbno.server.WireReply;
import org.dumbno.testing.ManualClock;
import org.dumbno.testing.ManualScheduler;
import org.junit.jupiter.api.Test;

/** A switch that keeps nothing (the dummy backend) has no layout to keep: nothing is repaired or refused. */
class DummyLayoutTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> calls = new ArrayList<>();

    private final AclSwitch recorded = new AclSwitch() {
        private final AclSwitch dummy = AclSwitch.dummy(AclKey.inBothFamilies(Harness.PORTS.values()));

        @Override
        public String describe() {
            return dummy.describe();
        }

        @Override
        public List<AclKey> acls() {
            return dummy.acls();
        }

        @Override
        public SwitchRead read() throws SwitchException {
            calls.add("read");
            return dummy.read();
        }

        @Override
        public List<LayoutProblem> write(List<EntryWrite> writes) throws SwitchException {
            calls.add("write " + writes.size());
            return dummy.write(writes);
        }

        @Override
        public void remove(List<EntryRef> entries) throws SwitchException {
            calls.add("remove " + entries.size());
            dummy.remove(entries);
        }

        @Override
        public SetupReport setup() throws SwitchException {
            calls.add("setup");
            return dummy.setup();
        }

        @Override
        public Map<String, InterfaceCounters> interfaceCounters() throws SwitchException {
            return dummy.interfaceCounters();
        }

        @Override
        public void close() {
            dummy.close();
        }
    };

    @Test
    void requestsAreAnsweredAndNoLayoutIsWritten() throws Exception {
        ACLManager manager = ACLManager.builder().aclSwitch(recorded).clock(clock)
                .scheduler(scheduler).purgeInterval(Duration.ofSeconds(30)).checkLayout(false).build();
        manager.start();

        var outcome = manager.add(Request.of("10.0.0.1", null, null, null, null));
        scheduler.runDue();
        manager.purge();

        assertEquals("ok", WireReply.of(outcome.getNow(null)));
        assertTrue(manager.layout().orElseThrow().ok());
        assertEquals(List.of("read", "write 2", "read"), calls, "no setup, no repair");
    }
}
