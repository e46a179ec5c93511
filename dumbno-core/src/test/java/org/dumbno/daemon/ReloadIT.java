package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.manager.WhenFull;
import org.dumbno.testing.Addrs;
import org.dumbno.testing.Closer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reading the configuration again: what can change does, what cannot is reported, a bad one changes nothing. */
@Timeout(30)
class ReloadIT {
    private static final String REQUEST = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\"}";

    @TempDir
    Path dir;
    @RegisterExtension
    final Closer closer = new Closer();
    private Daemon daemon;

    @Test
    void whatCanChangeTakesEffectAndTheRestIsReported() throws Exception {
        daemon = closer.add(TestDaemons.start(s -> s));
        assertEquals("ok", TestDaemons.ask(daemon, REQUEST));

        DumbnoConfig next = TestDaemons.config(s -> s.allowClients(List.of(Addrs.ip("10.0.0.0/8")))
                .neverShunt(List.of(Addrs.ip("192.0.2.99/32"))).maxRules(5)
                .purgeInterval(Duration.ofSeconds(60)).listen(List.of(TestDaemons.loopback(9))));
        Reload reload = daemon.reload(next);

        assertEquals(List.of("[dumbno] allow_clients", "[dumbno] never_shunt", "[dumbno] purge_interval",
                "[dumbno] max_rules"), reload.applied());
        assertEquals(List.of("[dumbno] listen"), reload.needRestart());
        assertEquals("error: client not allowed", TestDaemons.ask(daemon, REQUEST));
        assertEquals(1L, daemon.refusals().get("client_not_allowed"));
    }

    @Test
    void whenFullTakesEffect() throws Exception {
        daemon = TestDaemons.start(s -> s.maxRules(1));

        Reload reload = daemon.reload(TestDaemons.config(s -> s.maxRules(1).whenFull(WhenFull.EVICT)));

        assertEquals(List.of("[dumbno] when_full"), reload.applied());
        assertEquals(List.of(), reload.needRestart());
    }

    @Test
    void aChangeThatWaitsForARestartIsReportedNotIgnored() throws Exception {
        daemon = closer.add(TestDaemons.start(s -> s));

        Reload reload = daemon.reload(TestDaemons.config(s -> s.repairLayout(false)));

        assertEquals(List.of(), reload.applied());
        assertEquals(List.of("[dumbno] repair_layout"), reload.needRestart());
    }

    @Test
    void aConfigurationThatCannotBeUsedChangesNothing() throws Exception {
        daemon = closer.add(TestDaemons.start(s -> s));
        DumbnoConfig bad = TestDaemons.config(s -> s.allowClients(List.of(Addrs.ip("10.0.0.0/8")))
                .secretFile(dir.resolve("no-such-key")));

        IOException refused = assertThrows(IOException.class, () -> daemon.reload(bad));

        assertTrue(refused.getMessage().contains("no-such-key"), refused.getMessage());
        assertEquals("ok", TestDaemons.ask(daemon, REQUEST), "the running configuration is kept");
    }
}
