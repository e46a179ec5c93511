package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.testing.Addrs;
import org.dumbno.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Anyone may ask when dumbno listens beyond loopback with no allow-list: it says so at start. */
@Timeout(30)
class OpenListenWarningIT {
    @RegisterExtension
    private final LogCapture logged = LogCapture.of(Daemon.class);

    @Test
    void aWildcardListenWithoutAllowClientsIsWarnedAbout() throws Exception {
        assertEquals(1, warningsStarting(s -> s.listen(List.of(new InetSocketAddress("0.0.0.0", 0)))));
    }

    @Test
    void loopbackOrAnAllowListIsNotWarnedAbout() throws Exception {
        assertEquals(0, warningsStarting(s -> s));
        assertEquals(0, warningsStarting(s -> s.listen(List.of(new InetSocketAddress("0.0.0.0", 0)))
                .allowClients(List.of(Addrs.ip("10.0.0.0/8")))));
    }

    private long warningsStarting(UnaryOperator<DumbnoSettings.Builder> settings) throws Exception {
        logged.clear();
        Daemon daemon = TestDaemons.start(settings);
        daemon.close();
        return logged.count(Level.WARN, "with allow_clients empty: anyone who can reach it");
    }
}
