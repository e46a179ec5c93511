package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listeners hear of a request's fate before its future completes, on every path: whoever waits on
 * the future and then reads what a listener counted sees the count include that request.
 */
@Timeout(10)
class ListenerOrderTest {
    private final Harness h = new Harness();
    private final List<String> heard = new ArrayList<>();

    private final class Recorder implements ShuntListener {
        @Override
        public void installed(Rule rule, long sequence) {
            heard.add("added " + rule.text());
        }

        @Override
        public void alreadyPresent(Rule rule, long sequence) {
            heard.add("present " + rule.text());
        }

        @Override
        public void refused(Request request, String reason) {
            heard.add("failed " + request.toRule().text());
        }
    }

    private void ask(String src) {
        Request request = Request.of(src, null, null, null, null);
        h.manager.add(request).whenComplete((outcome, e) -> heard.add("done " + request.toRule().text()));
    }

    @Test
    void everyEventIsHeardBeforeTheFutureCompletes() throws Exception {
        h.start(b -> b.maxRules(2));
        h.manager.addListener(new Recorder());

        ask("10.0.0.1");
        h.scheduler.runDue();
        h.sim.failCommands(c -> c.contains("10.0.0.2"), 1);
        ask("10.0.0.2");
        ask("10.0.0.1");
        h.scheduler.runDue();
        ask("10.0.0.1");
        h.scheduler.runDue();

        assertEquals(List.of("added ip host 10.0.0.1 any", "done ip host 10.0.0.1 any",
                "present ip host 10.0.0.1 any", "done ip host 10.0.0.1 any",
                "failed ip host 10.0.0.2 any", "done ip host 10.0.0.2 any",
                "present ip host 10.0.0.1 any", "done ip host 10.0.0.1 any"), heard);
    }
}
