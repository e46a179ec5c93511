package org.dumbno.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The command line's logging, set up in code: every line to standard error as
 * {@code 2026-11-25T09:55:29.573Z INFO  message}, INFO and above, and no logback status output.
 * Reading the same from an XML file costs every start (a short command such as {@code dumbno add})
 * an XML parser and Logback's configuration model. A {@code logback.configurationFile} system
 * property still takes precedence. Logback finds this class through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /**
     * {@code switch=NAME } before a line an engine of a daemon with several switches writes, nothing
     * otherwise: such a daemon puts the switch's name in the logging context of its engines' threads.
     */
    static final String SWITCH = "%replace(switch=%X{switch} ){'^switch= $', ''}";
    /** The layout of every line. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level " + SWITCH + "%msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
