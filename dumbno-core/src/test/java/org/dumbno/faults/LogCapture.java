package org.dumbno.faults;

import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what some loggers log while it is open. */
final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers = new ArrayList<>();

    private LogCapture(String... names) {
        appender.start();
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(appender);
            loggers.add(logger);
        }
    }

    /** Starts collecting the events of the named loggers. */
    static LogCapture of(String... names) {
        return new LogCapture(names);
    }

    /** Every line so far, as {@code LEVEL message}. */
    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
    }

    /** The first line of {@code level} containing every fragment; fails listing the lines when none does. */
    String line(Level level, String... fragments) {
        List<String> lines = lines();
        for (String line : lines) {
            if (line.startsWith(level + " ") && containsAll(line, fragments)) {
                return line;
            }
        }
        return fail("no " + level + " line with " + List.of(fragments) + " among:\n" + String.join("\n", lines));
    }

    /** How many lines of {@code level} contain every fragment. */
    long count(Level level, String... fragments) {
        return lines().stream().filter(l -> l.startsWith(level + " ") && containsAll(l, fragments)).count();
    }

    private static boolean containsAll(String line, String... fragments) {
        for (String fragment : fragments) {
            if (!line.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.detachAppender(appender));
        appender.stop();
    }
}
