package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import inet.ipaddr.HostName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class LoggingTest {
    private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void backToDefaults() {
        Logging.apply(new LoggingOptions());
    }

    @ParameterizedTest
    @CsvSource({
        "false, false, INFO, INFO",
        "true, false, DEBUG, INFO",
        "false, true, WARN, WARN",
    })
    void setsTheLevels(boolean verbose, boolean quiet, String dumbno, String root) {
        LoggingOptions options = new LoggingOptions();
        options.verbose(verbose);
        options.quiet(quiet);

        Logging.apply(options);

        assertEquals(Level.toLevel(dumbno), CONTEXT.getLogger(Logging.EVENTS).getLevel());
        assertEquals(Level.toLevel(dumbno), CONTEXT.getLogger("org.dumbno").getLevel());
        assertEquals(Level.toLevel(root), CONTEXT.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:5514, 127.0.0.1, 5514",
        "127.0.0.1, 127.0.0.1, ",
        "[::1]:5514, ::1, 5514",
        "::1, ::1, ",
        "loghost.example.org:601, loghost.example.org, 601",
        "' loghost ', loghost, ",
    })
    void readsHostAndPort(String hostPort, String host, Integer port) {
        HostName parsed = Logging.parse(hostPort);

        assertEquals(host, parsed.getHost());
        assertEquals(port, parsed.getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host:70000", "bad host name:514", "[2001:db8::1"})
    void refusesABadSyslogAddress(String hostPort) {
        assertThrows(IllegalArgumentException.class, () -> Logging.configureSyslog(hostPort));
        assertEquals(null, CONTEXT.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(Logging.SYSLOG_APPENDER));
    }
}
