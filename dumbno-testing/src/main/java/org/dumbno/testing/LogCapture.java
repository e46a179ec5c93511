package org.dumbno.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Collects what some loggers log while it is open. As a JUnit extension
 * ({@code @RegisterExtension final LogCapture log = LogCapture.of("dumbno");}) it closes after each
 * test.
 */
public final class LogCapture implements AutoCloseable, AfterEachCallback {
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
    public static LogCapture of(String... names) {
        return new LogCapture(names);
    }

    /** Starts collecting the events of the loggers named after these classes. */
    public static LogCapture of(Class<?>... classes) {
        return new LogCapture(Arrays.stream(classes).map(Class::getName).toArray(String[]::new));
    }

    /** Every event so far, in order. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Every message so far, formatted, in order. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Every line so far, as {@code LEVEL message}. */
    public List<String> lines() {
        return events().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** Forgets what was collected so far. */
    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    /** The first line of {@code level} containing every fragment; fails listing the lines when none does. */
    public String line(Level level, String... fragments) {
        List<String> lines = lines();
        for (String line : lines) {
            if (line.startsWith(level + " ") && containsAll(line, fragments)) {
                return line;
            }
        }
        throw new AssertionError("no " + level + " line with " + List.of(fragments) + " among:\n"
                + String.join("\n", lines));
    }

    /** How many lines of {@code level} contain every fragment. */
    public long count(Level level, String... fragments) {
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
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.detachAppender(appender));
        appender.stop();
    }
}
