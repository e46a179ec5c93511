package org.dumbno.daemon;

import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.config.Backend;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.SimulatedSettings;
import org.dumbno.config.SwitchConfig;
import org.dumbno.config.SwitchSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.eapi.EapiTransport;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.eos.sim.TrafficGenerator;
import org.dumbno.internal.SocketAddresses;

/**
 * The switch a configuration's {@code [switch] backend} calls for. A real switch is reached over
 * eAPI by every process alike. A simulated switch lives in the serving process ({@link Role#HOST}),
 * which serves it as eAPI on {@code [simulated] eapi_listen}; every other process
 * ({@link Role#CLIENT}) reaches it there.
 */
public final class Switches {
    /** How the configuration file is named in hints when the caller does not say. */
    static final String DEFAULT_CONFIG_NAME = "CFG";

    /** Which process asks for the transport. */
    public enum Role {
        /** The resident server: it runs a simulated switch itself. */
        HOST,
        /** Any other process: it reaches the simulated switch of the resident server. */
        CLIENT
    }

    private Switches() {
    }

    /**
     * The switch for {@code config}'s backend: the dummy switch, or an {@link EosSwitch} over
     * {@link #connect(DumbnoConfig, Role, String)}; closing it closes the transport.
     * {@code configName} (the file's name as the user gave it) appears in the hint when a client
     * finds no simulated switch.
     *
     * @throws IOException a hosted simulated switch cannot listen on {@code eapi_listen}
     */
    public static AclSwitch open(DumbnoConfig config, Role role, String configName) throws IOException {
        return open(config, config.firstSwitch(), role, configName);
    }

    /**
     * The switch {@code which} of {@code config}, as {@link #open(DumbnoConfig, Role, String)} opens
     * the first.
     *
     * @throws IOException a hosted simulated switch cannot listen on its {@code eapi_listen}
     */
    public static AclSwitch open(DumbnoConfig config, SwitchConfig which, Role role, String configName)
            throws IOException {
        if (which.backend() == Backend.DUMMY) {
            return AclSwitch.dummy(AclKey.inBothFamilies(which.ports().values()));
        }
        return EosSwitch.of(connect(config, which, role, configName), which.ports());
    }

    /**
     * The eAPI transport for {@code config}'s backend.
     *
     * @throws IOException a hosted simulated switch cannot listen on {@code eapi_listen}
     * @throws IllegalArgumentException the backend is {@code dummy}, which has no transport
     */
    public static Transport connect(DumbnoConfig config, Role role) throws IOException {
        return connect(config, role, DEFAULT_CONFIG_NAME);
    }

    /**
     * The eAPI transport for {@code config}'s backend; {@code configName} (the file's name as the
     * user gave it) appears in the hint when a client finds no simulated switch.
     *
     * @throws IOException a hosted simulated switch cannot listen on {@code eapi_listen}
     * @throws IllegalArgumentException the backend is {@code dummy}, which has no transport
     */
    public static Transport connect(DumbnoConfig config, Role role, String configName) throws IOException {
        return connect(config, config.firstSwitch(), role, configName);
    }

    /**
     * The eAPI transport for the switch {@code which} of {@code config}; {@code configName} as in
     * {@link #connect(DumbnoConfig, Role, String)}.
     *
     * @throws IOException a hosted simulated switch cannot listen on its {@code eapi_listen}
     * @throws IllegalArgumentException its backend is {@code dummy}, which has no transport
     */
    public static Transport connect(DumbnoConfig config, SwitchConfig which, Role role, String configName)
            throws IOException {
        return switch (which.backend()) {
            case ARISTA -> arista(which.settings(), maxReply(config, which));
            case DUMMY -> throw new IllegalArgumentException("backend = dummy has no eAPI transport");
            case SIMULATED -> role == Role.HOST ? host(config, which) : client(which.simulated(), configName);
        };
    }

    /** The names a simulated switch takes as its host name too: a daemon of several calls each by its own. */
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,62}");

    /** Bytes a reply may count as one line of an access list: a long IPv6 line takes about 400. */
    static final long BYTES_PER_LINE = 1024;

    /**
     * The most bytes one eAPI reply may have: room for a read of every access list holding a line
     * under every number of the managed range (about 100 MiB per ACL name with the default
     * range), and never less than {@link EapiTransport.Builder#DEFAULT_MAX_REPLY}.
     */
    static long maxReply(DumbnoConfig config) {
        return maxReply(config, config.firstSwitch());
    }

    private static long maxReply(DumbnoConfig config, SwitchConfig which) {
        long names = which.ports().values().stream().distinct().count();
        long numbers = (config.dumbno().seqMax() - config.dumbno().seqMin()) / 2 + 8;
        long lines = Math.max(1, names) * 2 * numbers;
        return Math.max(EapiTransport.Builder.DEFAULT_MAX_REPLY, lines * BYTES_PER_LINE);
    }

    private static Transport arista(SwitchSettings settings, long maxReply) {
        EapiTransport.Builder builder = EapiTransport.builder()
                .maxReply(maxReply)
                .scheme(settings.scheme())
                .host(settings.host())
                .port(settings.port())
                .user(settings.user())
                .password(settings.password().reveal())
                .verifyTls(settings.verifyTls())
                .timeout(settings.timeout());
        settings.caFile().ifPresent(builder::caFile);
        return builder.build();
    }

    private static Transport host(DumbnoConfig config, SwitchConfig which) throws IOException {
        SimulatedSettings settings = which.simulated();
        SimulatedSwitch.Builder builder = SimulatedSwitch.builder()
                .interfaces(List.copyOf(which.ports().keySet()))
                .egress(List.copyOf(which.egressPorts().keySet()));
        if (config.switches().size() > 1 && HOSTNAME.matcher(which.name()).matches()) {
            builder.hostname(which.name());
        }
        if (settings.hasTcamLimit()) {
            builder.tcamCapacity(settings.tcamCapacity());
        }
        SimulatedSwitch simulated = builder.build();
        simulated.latency(settings.latency());
        InetSocketAddress listen = settings.eapiListen();
        try {
            EapiServer server = EapiServer.start(simulated, listen, settings.user(),
                    settings.password().reveal(), null);
            return new SimulatedHost(simulated, server, traffic(simulated, which));
        } catch (BindException e) {
            String section = which == config.firstSwitch() ? "simulated" : "simulated " + which.name();
            BindException located = new BindException("cannot serve the simulated switch on "
                    + SocketAddresses.text(listen) + " ([" + section + "] eapi_listen): " + e.getMessage());
            located.initCause(e);
            throw located;
        }
    }

    /** Demo traffic through the simulated switch's ingress ports, when {@code [simulated] traffic} asks. */
    private static SimulatedHost.Traffic traffic(SimulatedSwitch simulated, SwitchConfig which) {
        if (which.simulated().traffic() != SimulatedSettings.Traffic.DEMO) {
            return SimulatedHost.Traffic.NONE;
        }
        return SimulatedHost.Traffic.start(new TrafficGenerator(simulated, List.copyOf(which.ports().keySet()),
                Clock.systemUTC(), new SplittableRandom()));
    }

    private static Transport client(SimulatedSettings settings, String configName) {
        InetSocketAddress address = reachable(settings.eapiListen());
        EapiTransport eapi = EapiTransport.builder()
                .scheme("http")
                .host(SocketAddresses.host(address))
                .port(address.getPort())
                .user(settings.user())
                .password(settings.password().reveal())
                .build();
        return new SimulatedClient(eapi, SocketAddresses.text(address), configName);
    }

    /** A wildcard listen address is reached on the loopback address of its family. */
    private static InetSocketAddress reachable(InetSocketAddress listen) {
        InetAddress address = listen.getAddress();
        if (address == null || !address.isAnyLocalAddress()) {
            return listen;
        }
        String loopback = address instanceof Inet6Address ? "::1" : "127.0.0.1";
        return new InetSocketAddress(new IPAddressString(loopback).getAddress().toInetAddress(), listen.getPort());
    }
}
