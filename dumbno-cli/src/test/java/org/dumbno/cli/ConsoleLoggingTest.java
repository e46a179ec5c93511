package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A line an engine of a daemon with several switches writes starts with its switch; others do not change. */
class ConsoleLoggingTest {
    private final LoggerContext context = new LoggerContext();

    private String line(Map<String, String> mdc) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%-5level " + ConsoleLogging.SWITCH + "%msg");
        layout.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("dumbno"), Level.INFO,
                "op=ADD seq=501 rule=\"ip host 10.9.9.9 any\"", null, null);
        event.setMDCPropertyMap(mdc);
        return layout.doLayout(event);
    }

    @Test
    void aLineOfOneSwitchOfSeveralNamesIt() {
        assertEquals("INFO  switch=edge2 op=ADD seq=501 rule=\"ip host 10.9.9.9 any\"", line(Map.of("switch", "edge2")));
    }

    @Test
    void anyOtherLineIsAsBefore() {
        assertEquals("INFO  op=ADD seq=501 rule=\"ip host 10.9.9.9 any\"", line(Map.of()));
    }
}
