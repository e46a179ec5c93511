package org.dumbno.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
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
import org.dumbno.manager.EverySwitch;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.Family;
import org.dumbno.security.Security;
import org.dumbno.server.UdpServer;

/**
 * dumbno as it runs in production, on loopback: simulated switches served as eAPI over real HTTP
 * (with injected latency per call), an engine per switch reaching its switch through
 * {@link EapiTransport}, and the UDP server in front of the engines (through {@link EverySwitch}
 * when there are several), running the security checks of the default configuration (what
 * {@code [dumbno]} gives when it sets none). Each switch has four ingress ports with four distinct
 * ACL names, so every IPv4 rule is one line in each of four lists of every switch.
 */
final class Rig implements Closeable {
    static final Map<String, String> PORTS = ports();
    private static final String USER = "bench";
    private static final String PASSWORD = "bench";

    /** The first switch. */
    final SimulatedSwitch sim;
    /** The first switch's engine. */
    final ACLManager manager;
    private final List<Station> stations;
    private final EverySwitch every;
    private final UdpServer udp;

    private Rig(List<Station> stations, EverySwitch every, UdpServer udp) {
        this.stations = List.copyOf(stations);
        this.sim = stations.get(0).sim;
        this.manager = stations.get(0).manager;
        this.every = every;
        this.udp = udp;
    }

    private static Map<String, String> ports() {
        Map<String, String> ports = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            ports.put("Ethernet" + i, "bulk_" + i);
        }
        return Map.copyOf(ports);
    }

    /** One switch, set up first, answering each call after {@code latency}; the UDP server asks its engine. */
    static Rig start(Duration latency) throws IOException {
        return start(latency, 1);
    }

    /**
     * {@code switches} switches, each set up first and answering each call after {@code latency};
     * with more than one, the UDP server asks every engine through {@link EverySwitch}.
     */
    static Rig start(Duration latency, int switches) throws IOException {
        DumbnoSettings defaults = DumbnoSettings.defaults();
        Security security = Security.builder().allowClients(defaults.allowClients()).neverShunt(defaults.neverShunt())
                .rateLimit(defaults.rateLimit(), defaults.rateBurst()).build();
        List<Station> stations = new ArrayList<>();
        EverySwitch every = null;
        try {
            for (int i = 0; i < switches; i++) {
                stations.add(Station.start(latency, security));
            }
            Shunter shunter = stations.get(0).manager;
            if (switches > 1) {
                List<EverySwitch.Member> members = new ArrayList<>();
                for (int i = 0; i < switches; i++) {
                    members.add(new EverySwitch.Member("edge" + (i + 1), stations.get(i).manager));
                }
                every = EverySwitch.of(members);
                shunter = every;
            }
            UdpServer udp = UdpServer.start(List.of(new InetSocketAddress(loopback(), 0)), shunter,
                    UdpServer.Options.builder().gate(security.gate()).build());
            // Every scenario starts on a heap without the garbage of the ones before it (their
            // switches, engines and rules), so that no collection of that garbage lands in it.
            System.gc();
            return new Rig(stations, every, udp);
        } catch (IOException | RuntimeException e) {
            closeAll(stations, every);
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

    /** Reads of the lists dumbno made so far (start, confirming reads, sweeps), over every switch. */
    long reads() {
        return stations.stream().mapToLong(station -> station.transport.reads()).sum();
    }

    /** Where requests go. */
    InetSocketAddress udpAddress() {
        return udp.addresses().get(0);
    }

    /** Rules on every switch: deny lines present in every one of the four lists of each. */
    long installed() {
        long fewest = Long.MAX_VALUE;
        for (Station station : stations) {
            for (String acl : PORTS.values()) {
                long denies = station.sim.entries(acl, Family.IP).stream()
                        .filter(e -> e.action() == SimulatedEntry.Action.DENY).count();
                fewest = Math.min(fewest, denies);
            }
        }
        return fewest;
    }

    @Override
    public void close() {
        udp.close();
        closeAll(stations, every);
    }

    /** The engines first, then what gathers their replies, then the transports and switches. */
    private static void closeAll(List<Station> stations, EverySwitch every) {
        stations.forEach(station -> station.manager.close());
        if (every != null) {
            every.close();
        }
        stations.forEach(Station::close);
    }

    /** One simulated switch served as eAPI, and dumbno's engine reaching it over HTTP. */
    private record Station(SimulatedSwitch sim, EapiServer eapi, CountingTransport transport, ACLManager manager) {
        static Station start(Duration latency, Security security) throws IOException {
            SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
            EosSwitch.of(sim, PORTS).setup();
            sim.latency(latency);
            EapiServer eapi = EapiServer.start(sim, new InetSocketAddress(loopback(), 0), USER, PASSWORD, null);
            CountingTransport transport = new CountingTransport(EapiTransport.builder().scheme("http")
                    .host("127.0.0.1").port(eapi.address().getPort()).user(USER).password(PASSWORD).build());
            ACLManager manager = ACLManager.builder().aclSwitch(EosSwitch.of(transport, PORTS))
                    .purgeInterval(Duration.ofHours(1)).requestFilter(security.requestFilter()).build();
            try {
                manager.start();
                return new Station(sim, eapi, transport, manager);
            } catch (IOException | RuntimeException e) {
                manager.close();
                transport.close();
                eapi.close();
                throw e;
            }
        }

        /** Releases the transport and the eAPI server; the engine is closed before. */
        void close() {
            transport.close();
            eapi.close();
        }
    }
}
