package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A listener given to the builder hears everything from the first read on, start included. */
@Timeout(10)
class BuilderListenerTest {
    private final Harness h = new Harness();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    private final class Recorder implements ShuntListener {
        @Override
        public void installed(Rule rule, long sequence) {
            heard.add("installed " + sequence);
        }

        @Override
        public void layoutRepaired(String change) {
            heard.add("repaired");
        }
    }

    @Test
    void hearsTheRepairTheStartMakes() throws Exception {
        h.sim.runCmds(List.of("enable", "configure", "no ip access-list bulk_1"));

        h.start(b -> b.listener(new Recorder()));

        assertFalse(heard.isEmpty());
        assertEquals(List.of("repaired"), heard.stream().distinct().toList(), "heard during start()");
    }

    @Test
    void hearsWhatALaterListenerHearsToo() throws Exception {
        List<String> later = new CopyOnWriteArrayList<>();
        h.start(b -> b.listener(new Recorder()));
        h.manager.addListener(new ShuntListener() {
            @Override
            public void installed(Rule rule, long sequence) {
                later.add("installed " + sequence);
            }
        });

        h.shunt("10.0.0.1", null);

        assertEquals(List.of("installed 501"), heard);
        assertEquals(List.of("installed 501"), later);
    }
}
