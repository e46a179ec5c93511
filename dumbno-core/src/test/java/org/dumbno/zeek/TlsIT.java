package org.dumbno.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dumbno.config.ZeekSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.eapi.TestTls;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.testing.Await;
import org.dumbno.testing.ZeekPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code wss://} to a Zeek whose certificate {@code ca_file} vouches for. */
@Timeout(30)
class TlsIT {

    @Test
    void connectsOverTlsTrustingTheCaFile() throws Exception {
        SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1").build();
        EosSwitch eos = EosSwitch.of(sim, java.util.Map.of("Ethernet1", "bulk_1"));
        eos.setup();
        try (ZeekPeer zeek = ZeekPeer.startTls(TestTls.serverContext());
                ACLManager manager = ACLManager.builder().aclSwitch(eos).build()) {
            manager.start();
            ZeekSettings settings = new ZeekSettings(List.of(URI.create(zeek.url())), "zeek/dumbno",
                    Optional.of(TestTls.certificatePem()));
            try (ZeekBridge bridge = ZeekBridge.start(settings, manager, ZeekBridge.Options.defaults())) {
                assertTrue(zeek.url().startsWith("wss://"));
                assertTrue(Await.until(bridge::connected, Duration.ofSeconds(25)), "connected over TLS");
                zeek.publish("zeek/dumbno/request", "Dumbno::request", ZeekPeer.Metadata.NONE, ZeekPeer.count(1),
                        ZeekPeer.string("add"), ZeekPeer.string("10.1.2.3"), ZeekPeer.string(""),
                        ZeekPeer.string(""), ZeekPeer.count(0), ZeekPeer.count(0));
                assertEquals("ok", zeek.next(Duration.ofSeconds(10)).data(1).getAsString());
            }
        }
    }
}
