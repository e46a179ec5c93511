package org.dumbno.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.eapi.EapiTransport;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Family;
import org.dumbno.security.Security;
import org.dumbno.server.UdpServer;

/**
 * dumbno as it runs in production, on loopback: a simulated switch served as eAPI over real HTTP
 * (with injected latency per call), the engine reaching it through {@link EapiTransport}, and the
 * UDP server in front of the engine, running the security checks of the default configuration
 * (what {@code [dumbno]} gives when it sets none). Four ingress ports with four distinct ACL names,
 * so every IPv4 rule is one line in each of four lists.
 */
final class Rig implements Closeable {
    static final Map<String, String> PORTS = ports();
    private static final String USER = "bench";
    private static final String PASSWORD = "bench";

    final SimulatedSwitch sim;
    final ACLManager manager;
    private final EapiServer eapi;
    private final CountingTransport transport;
    private final UdpServer udp;

    private Rig(SimulatedSwitch sim, EapiServer eapi, CountingTransport transport, ACLManager manager, UdpServer udp) {
        this.sim = sim;
        this.eapi = eapi;
        this.transport = transport;
        this.manager = manager;
        this.udp = udp;
    }

    private static Map<String, String> ports() {
        Map<String, String> ports = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            ports.put("Ethernet" + i, "bulk_" + i);
        }
        return Map.copyOf(ports);
    }

    /** Starts every part; the switch is set up first, then answers each call after {@code latency}. */
    static Rig start(Duration latency) throws IOException {
        SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
        EosSwitch.of(sim, PORTS).setup();
        sim.latency(latency);
        EapiServer eapi = EapiServer.start(sim, new InetSocketAddress(loopback(), 0), USER, PASSWORD, null);
        CountingTransport transport = new CountingTransport(EapiTransport.builder().scheme("http").host("127.0.0.1")
                .port(eapi.address().getPort()).user(USER).password(PASSWORD).build());
        DumbnoSettings defaults = DumbnoSettings.defaults();
        Security security = Security.builder().allowClients(defaults.allowClients()).neverShunt(defaults.neverShunt())
                .rateLimit(defaults.rateLimit(), defaults.rateBurst()).build();
        ACLManager manager = ACLManager.builder().aclSwitch(EosSwitch.of(transport, PORTS))
                .purgeInterval(Duration.ofHours(1)).requestFilter(security.requestFilter()).build();
        try {
            manager.start();
            UdpServer udp = UdpServer.start(List.of(new InetSocketAddress(loopback(), 0)), manager,
                    UdpServer.Options.builder().gate(security.gate()).build());
            return new Rig(sim, eapi, transport, manager, udp);
        } catch (IOException | RuntimeException e) {
            manager.close();
            transport.close();
            eapi.close();
            throw e;
        }
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException("127.0.0.1 is not an address", e);
        }
    }

    /** Reads of the lists dumbno made so far (start, confirming reads, sweeps). */
    long reads() {
        return transport.reads();
    }

    /** Where requests go. */
    InetSocketAddress udpAddress() {
        return udp.addresses().get(0);
    }

    /** Rules on the switch: deny lines present in every one of the four lists. */
    long installed() {
        long fewest = Long.MAX_VALUE;
        for (String acl : PORTS.values()) {
            long denies = sim.entries(acl, Family.IP).stream()
                    .filter(e -> e.action() == SimulatedEntry.Action.DENY).count();
            fewest = Math.min(fewest, denies);
        }
        return fewest;
    }

    @Override
    public void close() {
        udp.close();
        manager.close();
        transport.close();
        eapi.close();
    }
}
