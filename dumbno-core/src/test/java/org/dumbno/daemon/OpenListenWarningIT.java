package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dumbno.config.DumbnoSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Anyone may ask when dumbno listens beyond loopback with no allow-list: it says so at start. */
@Timeout(30)
class OpenListenWarningIT {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Daemon.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    OpenListenWarningIT() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    @Test
    void aWildcardListenWithoutAllowClientsIsWarnedAbout() throws Exception {
        assertEquals(1, warningsStarting(s -> s.listen(List.of(new InetSocketAddress("0.0.0.0", 0)))));
    }

    @Test
    void loopbackOrAnAllowListIsNotWarnedAbout() throws Exception {
        assertEquals(0, warningsStarting(s -> s));
        assertEquals(0, warningsStarting(s -> s.listen(List.of(new InetSocketAddress("0.0.0.0", 0)))
                .allowClients(List.of(TestDaemons.ip("10.0.0.0/8")))));
    }

    private long warningsStarting(UnaryOperator<DumbnoSettings.Builder> settings) throws Exception {
        appender.list.clear();
        Daemon daemon = TestDaemons.start(settings);
        daemon.close();
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("with allow_clients empty: anyone who can reach it")).count();
    }
}
