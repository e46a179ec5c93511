package org.dumbno.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.net.SyslogAppender;
import inet.ipaddr.HostName;
import inet.ipaddr.HostNameException;
import java.nio.charset.StandardCharsets;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Logging set-up for the command line, on top of {@link ConsoleLogging} (console on standard error).
 * Commands call {@link #apply(LoggingOptions)} first and, when {@code [dumbno] syslog} is set,
 * {@link #configureSyslog(String)}. Event lines ({@code op=...}, logger {@value #EVENTS}) are
 * logged as they are, so they reach the console and syslog unchanged.
 */
final class Logging {
    /** The logger of the {@code op=...} event lines. */
    static final String EVENTS = "dumbno";
    static final int DEFAULT_SYSLOG_PORT = 514;
    static final String SYSLOG_APPENDER = "SYSLOG";

    private static final String CODE = "org.dumbno";

    private Logging() {
    }

    /**
     * Sets the levels: {@code --verbose} turns on DEBUG for dumbno's own loggers only (never for
     * the HTTP client, whose debug output would show credentials); {@code --quiet} keeps only
     * warnings and errors everywhere.
     */
    static void apply(LoggingOptions options) {
        Level level = options.level();
        LoggerContext context = context();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level == Level.WARN ? Level.WARN : Level.INFO);
        context.getLogger(CODE).setLevel(level);
        context.getLogger(EVENTS).setLevel(level);
    }

    /**
     * Sends every log line also to a syslog server over UDP, facility DAEMON, tagged
     * {@code dumbno:}. Replaces the syslog destination set by an earlier call.
     *
     * @param hostPort {@code host}, {@code host:port} or {@code [ipv6]:port}; port 514 by default
     * @throws IllegalArgumentException when {@code hostPort} is not a host name or address with an
     *     optional port, or the host cannot be found
     */
    static void configureSyslog(String hostPort) {
        HostName target = parse(hostPort);
        LoggerContext context = context();
        SyslogAppender appender = new SyslogAppender();
        appender.setContext(context);
        appender.setName(SYSLOG_APPENDER);
        appender.setSyslogHost(target.getHost());
        appender.setPort(target.getPort() == null ? DEFAULT_SYSLOG_PORT : target.getPort());
        appender.setFacility("DAEMON");
        appender.setSuffixPattern("dumbno: " + ConsoleLogging.SWITCH + "%msg");
        appender.setStackTracePattern("dumbno: \t");
        appender.setCharset(StandardCharsets.UTF_8);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalArgumentException("syslog (" + hostPort + "): cannot send to that host");
        }
        removeSyslog();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** Stops sending to syslog, if {@link #configureSyslog(String)} was called. */
    static void removeSyslog() {
        Logger root = context().getLogger(Logger.ROOT_LOGGER_NAME);
        var previous = root.getAppender(SYSLOG_APPENDER);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
    }

    static HostName parse(String hostPort) {
        HostName host = new HostName(hostPort.strip());
        try {
            host.validate();
        } catch (HostNameException e) {
            throw new IllegalArgumentException(
                    "syslog (" + hostPort + ") must be host, host:port or [ipv6]:port", e);
        }
        if (host.getHost() == null || host.getHost().isEmpty()) {
            throw new IllegalArgumentException("syslog (" + hostPort + ") names no host");
        }
        Integer port = host.getPort();
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("syslog port (" + port + ") must be 1-65535");
        }
        return host;
    }

    private static LoggerContext context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            return context;
        }
        throw new IllegalStateException("logging is not backed by Logback: " + factory.getClass().getName());
    }
}
