package org.dumbno.daemon;

import inet.ipaddr.IPAddress;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.SetupReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.config.Backend;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.config.SwitchConfig;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.internal.DaemonThreads;
import org.dumbno.internal.SocketAddresses;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.dumbno.metrics.Health;
import org.dumbno.rule.RequestFilter;
import org.dumbno.security.Security;
import org.dumbno.security.SigningKey;
import org.dumbno.server.ServerStats;
import org.dumbno.server.UdpServer;
import org.dumbno.zeek.ZeekBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dumbno: the switch transport and the {@link EosSwitch} over it (or the dummy switch),
 * the {@link ACLManager}, the {@link Security} checks and the {@link UdpServer}, built from one
 * configuration by {@link #start(DumbnoConfig, Options)}. {@link #close()} takes them down in
 * reverse order: the server stops receiving, the engine writes what is queued and refuses what it
 * cannot write, the server sends those answers and releases its sockets, then the switch and its
 * transport (and a hosted simulated switch's eAPI server) go.
 */
public final class Daemon implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** First and longest wait between tries to reach a switch that was down at start. */
    static final Duration ARRIVAL_FIRST = Duration.ofMillis(250);
    static final Duration ARRIVAL_MAX = Duration.ofSeconds(30);

    private final List<SwitchPart> switches;
    private final EverySwitch every;
    private final AtomicReference<Security> security;
    private final DumbnoConfig started;
    private final Clock clock;
    private DumbnoConfig applied;
    private final UdpServer server;
    private final ZeekBridge zeek;
    private final DaemonMetrics metrics;
    private final Health health;
    private final HealthLog healthLog;
    private volatile Duration shutdownTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private Daemon(Parts parts) {
        this.switches = List.copyOf(parts.switches);
        this.every = parts.every;
        this.security = parts.security;
        this.started = parts.config;
        this.applied = parts.config;
        this.clock = parts.clock;
        this.server = parts.server;
        this.zeek = parts.zeek;
        this.metrics = parts.metrics;
        this.health = parts.health;
        this.healthLog = parts.healthLog;
        this.shutdownTimeout = parts.shutdownTimeout;
    }

    /**
     * Starts everything {@code config} describes. A hosted simulated switch starts empty and is
     * always set up; a real switch only when {@link Options.Builder#setup(boolean)} asks.
     *
     * @throws IOException the switch could not be read or set up, the secret file could not be read,
     *     or an address could not be bound; whatever was started is closed again
     */
    public static Daemon start(DumbnoConfig config, Options options) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Parts parts = new Parts();
        try {
            parts.start(config, options);
        } catch (IOException | RuntimeException e) {
            parts.closeAll();
            throw e;
        }
        Daemon daemon = new Daemon(parts);
        parts.attach(daemon);
        return daemon;
    }

    /** The UDP addresses requests are answered on, with the ports the system picked. */
    public List<InetSocketAddress> listening() {
        return server.addresses();
    }

    /** Where {@code /metrics} is served; empty when {@code metrics_listen} is not set. */
    public Optional<InetSocketAddress> metricsAddress() {
        return metrics == null ? Optional.empty() : metrics.address();
    }

    /** Where the first switch's hosted simulated switch serves eAPI; empty for any other backend. */
    public Optional<InetSocketAddress> simulatedEapi() {
        return first().hosted().map(SimulatedHost::eapiAddress);
    }

    /** The first switch's hosted simulated switch; empty for any other backend. */
    public Optional<SimulatedSwitch> simulatedSwitch() {
        return first().simulated();
    }

    /** Where switch {@code name}'s hosted simulated switch serves eAPI; empty for any other backend or name. */
    public Optional<InetSocketAddress> simulatedEapi(String name) {
        return part(name).flatMap(SwitchPart::hosted).map(SimulatedHost::eapiAddress);
    }

    /** Switch {@code name}'s hosted simulated switch; empty for any other backend or name. */
    public Optional<SimulatedSwitch> simulatedSwitch(String name) {
        return part(name).flatMap(SwitchPart::simulated);
    }

    private SwitchPart first() {
        return switches.get(0);
    }

    private Optional<SwitchPart> part(String name) {
        return switches.stream().filter(part -> part.name().equals(name)).findFirst();
    }

    /** One line naming what this daemon listens on, for the start-up log. */
    public String describe() {
        StringBuilder text = new StringBuilder("udp ");
        text.append(String.join(", ", listening().stream().map(SocketAddresses::text).toList()));
        for (SwitchPart part : switches) {
            part.hosted().ifPresent(host -> text.append("; simulated switch ")
                    .append(part.named ? part.name() + " " : "").append("eAPI http://")
                    .append(SocketAddresses.text(host.eapiAddress())).append("/command-api"));
        }
        zeek().ifPresent(bridge -> text.append("; ").append(bridge));
        metricsAddress().ifPresent(address -> text.append("; metrics http://")
                .append(SocketAddresses.text(address)).append("/metrics"));
        return text.toString();
    }

    /** The first switch's engine. */
    public ACLManager manager() {
        return first().manager;
    }

    /** Every switch's engine under its name, in the configuration's order, and the fan-out over them. */
    public EverySwitch switches() {
        return every;
    }

    /** The first switch: an {@link EosSwitch} over the daemon's transport, or the dummy switch. */
    public AclSwitch aclSwitch() {
        return first().acl;
    }

    /** Switch {@code name}; empty for a name the configuration does not have. */
    public Optional<AclSwitch> aclSwitch(String name) {
        return part(name).map(part -> part.acl);
    }

    /** What the first switch's start-up setup changed; empty when it did not run (or the switch was not reached yet). */
    public Optional<SetupReport> setupReport() {
        return Optional.ofNullable(first().setup.get());
    }

    /** What switch {@code name}'s start-up setup changed; empty when it did not run, or for an unknown name. */
    public Optional<SetupReport> setupReport(String name) {
        return part(name).map(part -> part.setup.get());
    }

    /** What {@code /-/healthy} and {@code /-/ready} answer. */
    public Health health() {
        return health;
    }

    /** The connection to Zeek; empty without a {@code [zeek]} section. */
    public Optional<ZeekBridge> zeek() {
        return Optional.ofNullable(zeek);
    }

    /** The UDP server's counters so far. */
    public ServerStats serverStats() {
        return server.stats();
    }

    /** Refused requests so far by kind; see {@link Security#refusals()}. */
    public Map<String, Long> refusals() {
        return security.get().refusals();
    }

    /**
     * Stops receiving, writes what the engine has queued (refusing with {@code dumbno is shutting
     * down} what cannot be written), sends every request received its one reply, then releases the
     * sockets and the switch. Idempotent; {@link #awaitTermination} returns once it is done.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            healthLog.close();
            switches.forEach(SwitchPart::stopArriving);
            if (metrics != null) {
                metrics.close();
            }
            server.stopReceiving();
            closeManagers();
            every.close();
            if (zeek != null) {
                zeek.close();
            }
            server.close();
            closeSwitches();
            LOG.info("dumbno stopped");
        } finally {
            terminated.countDown();
        }
    }

    /**
     * Closes the engines at once, each on a thread of its own, giving them half the shutdown timeout
     * to write what is queued; an engine whose switch call outlasts that has the requests still
     * waiting refused without waiting for it.
     */
    private void closeManagers() {
        Duration writing = shutdownTimeout.dividedBy(2);
        long deadline = System.nanoTime() + writing.toNanos();
        List<Thread> closing = new ArrayList<>();
        for (SwitchPart part : switches) {
            Thread thread = DaemonThreads.named("dumbno-close").newThread(() -> part.manager.close(writing));
            thread.start();
            closing.add(thread);
        }
        for (int i = 0; i < closing.size(); i++) {
            try {
                closing.get(i).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closing.get(i).isAlive()) {
                LOG.warn("a call to switch {} still runs after {} of shutdown: refusing the requests that wait",
                        switches.get(i).describe(), writing);
                switches.get(i).manager.abandonWaiting();
            }
        }
    }

    /**
     * Closes every switch and its transport (and a hosted simulated switch's eAPI server), and the
     * threads of its engine, whatever one throws.
     */
    private void closeSwitches() {
        for (SwitchPart part : switches) {
            try {
                part.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the switch {}: {}", part.describe(), e.toString());
            }
        }
    }

    /**
     * Takes from {@code next} (the configuration file read again) what can change while running:
     * {@code allow_clients}, {@code never_shunt}, {@code rate_limit}, {@code rate_burst}, the key
     * of {@code secret_file} (read again), {@code purge_interval}, {@code hard_timeout},
     * {@code max_rules}, {@code when_full} and {@code shutdown_timeout}; the rest (the switch, the ports, the listen
     * addresses, ...) is reported as needing a restart. Either everything that can change does, or
     * nothing does.
     *
     * @throws IOException the key file cannot be read; nothing changed
     * @throws IllegalArgumentException a value the engine refuses; nothing changed
     */
    public synchronized Reload reload(DumbnoConfig next) throws IOException {
        Objects.requireNonNull(next, "next");
        DumbnoSettings settings = next.dumbno();
        byte[] key = settings.secretFile().isPresent() ? SigningKey.load(settings.secretFile().get()).bytes() : null;
        Security nextSecurity = security.get().reconfigure().allowClients(settings.allowClients())
                .neverShunt(settings.neverShunt()).rateLimit(settings.rateLimit(), settings.rateBurst()).secret(key)
                .clock(clock).build();
        Reload reload = Reload.between(started, applied, next);
        for (SwitchPart part : switches) {
            part.manager.reconfigure(settings.purgeInterval(), settings.hardTimeout(), settings.maxRules(),
                    settings.whenFull());
        }
        security.set(nextSecurity);
        shutdownTimeout = settings.shutdownTimeout();
        applied = next;
        Parts.warnIfOpen(started.dumbno().listen(), settings.allowClients());
        return reload;
    }

    /** How long {@link #close()} takes at most, whatever the switch does ({@code shutdown_timeout}). */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * Why the daemon stopped by itself (the UDP server stopped receiving for good); empty while it
     * runs and after a {@link #close()} asked for.
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The server can no longer receive: record why and close, off the failing thread. */
    void serverFailed(Throwable cause) {
        if (closed.get() || !failure.compareAndSet(null, cause)) {
            return;
        }
        LOG.error("stopping: the UDP server no longer receives requests");
        DaemonThreads.named("dumbno-failure-stop").newThread(this::close).start();
    }

    /**
     * The engine as the daemon builds it, with every {@code [dumbno]} setting, the two-tuple hosts
     * and {@code never_shunt}, not yet started: for one-shot use without a server.
     */
    public static ACLManager manager(DumbnoConfig config, AclSwitch eos, Clock clock) {
        return manager(config, config.firstSwitch(), eos, clock);
    }

    /** As {@link #manager(DumbnoConfig, AclSwitch, Clock)}, for the switch {@code which} of {@code config}. */
    public static ACLManager manager(DumbnoConfig config, SwitchConfig which, AclSwitch eos, Clock clock) {
        DumbnoSettings settings = config.dumbno();
        Security neverShunt = Security.builder().neverShunt(settings.neverShunt()).clock(clock).build();
        return builder(config, which, eos, neverShunt.requestFilter(), clock).build();
    }

    private static ACLManager.Builder builder(DumbnoConfig config, SwitchConfig which, AclSwitch eos,
            RequestFilter filter, Clock clock) {
        DumbnoSettings settings = config.dumbno();
        return ACLManager.builder()
                .aclSwitch(eos)
                .twoTupleHosts(config.twoTupleHosts())
                .sequenceRange(settings.seqMin(), settings.seqMax())
                .maxRules(settings.maxRules())
                .whenFull(settings.whenFull())
                .purgeInterval(settings.purgeInterval())
                .hardTimeout(settings.hardTimeout())
                .maxRequestAge(settings.maxRequestAge())
                .queueLimit(settings.queueLimit())
                .clock(clock)
                .requestFilter(filter)
                .repairLayout(settings.repairLayout())
                .checkLayout(which.backend() != Backend.DUMMY);
    }

    /** Waits until {@link #close()} has finished. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Waits at most {@code timeout} for {@link #close()} to finish; whether it did. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "Daemon[" + String.join(", ", switches.stream().map(SwitchPart::describe).toList()) + ", "
                + describe() + "]";
    }

    /** The parts as they start, so a failure part-way closes exactly what was started. */
    private static final class Parts {
        private final Deque<Closeable> started = new ArrayDeque<>();
        private Daemon owner;
        private Throwable earlyFailure;
        final Health health = new Health();
        final List<SwitchPart> switches = new ArrayList<>();
        final AtomicReference<Security> security = new AtomicReference<>();
        DumbnoConfig config;
        Clock clock;
        EverySwitch every;
        UdpServer server;
        ZeekBridge zeek;
        DaemonMetrics metrics;
        HealthLog healthLog;
        Duration shutdownTimeout;

        void start(DumbnoConfig config, Options options) throws IOException {
            DumbnoSettings settings = config.dumbno();
            shutdownTimeout = settings.shutdownTimeout();
            this.config = config;
            clock = options.clock();
            if (settings.metricsListen().isPresent()) {
                metrics = new DaemonMetrics();
                started.push(metrics);
            }
            security.set(security(settings, options.clock()));
            warnIfOpen(settings.listen(), settings.allowClients());
            boolean named = config.switches().size() > 1;
            for (SwitchConfig which : config.switches()) {
                switches.add(startSwitch(which, named, options));
            }
            List<EverySwitch.Member> members = switches.stream()
                    .map(part -> new EverySwitch.Member(part.name(), part.manager)).toList();
            every = EverySwitch.of(members);
            started.push(every);
            server = UdpServer.start(settings.listen(), every,
                    UdpServer.Options.builder()
                            .gate((client, datagram) -> security.get().gate().check(client, datagram))
                            .onFailure(this::serverFailed)
                            .closeTimeout(settings.shutdownTimeout().dividedBy(4)).build());
            started.push(server);
            if (config.zeek().isPresent()) {
                ZeekBridge bridge = ZeekBridge.start(config.zeek().get(), every,
                        ZeekBridge.Options.defaults().clock(options.clock()));
                zeek = bridge;
                started.push(bridge);
                health.readiness("zeek", () -> bridge.connected() ? Optional.empty()
                        : Optional.of("not connected to " + bridge));
            }
            for (SwitchPart part : switches) {
                health.liveness(part.label("engine"), part.manager::stalls);
                health.readiness(part.label("switch"), part::readiness);
                health.readiness(part.label("layout"), part::layoutReadiness);
            }
            health.liveness("server", server::stalls);
            if (metrics != null) {
                health.liveness("metrics", metrics::stalls);
                metrics.start(settings.metricsListen().get(), config, switches, every, server,
                        () -> security.get().refusals(), zeek, options.clock(), health);
            }
            healthLog = new HealthLog(health);
            started.push(healthLog);
            healthLog.start();
            switches.forEach(SwitchPart::arrive);
        }

        /**
         * Connects to one switch, sets up a hosted simulated one, builds its engine and reaches it:
         * a switch that does not answer is tried again once the daemon runs.
         */
        private SwitchPart startSwitch(SwitchConfig which, boolean named, Options options) throws IOException {
            DumbnoSettings settings = config.dumbno();
            AclSwitch acl;
            SimulatedHost hosted = null;
            if (which.backend() == Backend.DUMMY) {
                AclSwitch dummy = Switches.open(config, which, Switches.Role.HOST, options.configName());
                acl = metrics != null ? metrics.wrap(which.name(), dummy) : dummy;
            } else {
                Transport transport = Switches.connect(config, which, Switches.Role.HOST, options.configName());
                hosted = transport instanceof SimulatedHost host ? host : null;
                acl = EosSwitch.of(metrics != null ? metrics.wrap(which.name(), transport) : transport, which.ports());
            }
            started.push(acl);
            ACLManager.Builder builder = builder(config, which, acl,
                    request -> security.get().requestFilter().check(request), options.clock());
            ScheduledExecutorService scheduler = null;
            if (named) {
                scheduler = EngineThreads.scheduler(which.name());
                started.push(scheduler::shutdownNow);
                builder.scheduler(scheduler);
            }
            ACLManager manager = builder.build();
            started.push(manager);
            SwitchPart part = new SwitchPart(which, acl, hosted, manager, scheduler);
            part.setUpHosted();
            part.reach(options.setup() && part.hosted().isEmpty(), settings.maxRequestAge());
            started.push(part::stopArriving);
            return part;
        }

        /** Warns when anyone beyond this host may ask: a listen address off loopback, no allow-list. */
        static void warnIfOpen(List<InetSocketAddress> listen, List<IPAddress> allowClients) {
            if (!allowClients.isEmpty()) {
                return;
            }
            List<String> open = listen.stream().filter(address -> address.getAddress() == null
                    || !address.getAddress().isLoopbackAddress()).map(SocketAddresses::text).toList();
            if (!open.isEmpty()) {
                LOG.warn("listening on {} with allow_clients empty: anyone who can reach it may shunt flows "
                        + "away from the sensors; set allow_clients to the sensors' addresses or networks",
                        String.join(", ", open));
            }
        }

        private static Security security(DumbnoSettings settings, Clock clock) throws IOException {
            byte[] key = null;
            if (settings.secretFile().isPresent()) {
                key = SigningKey.load(settings.secretFile().get()).bytes();
            }
            return Security.builder().allowClients(settings.allowClients()).neverShunt(settings.neverShunt())
                    .rateLimit(settings.rateLimit(), settings.rateBurst()).secret(key).clock(clock).build();
        }

        /** From now on a server failure stops {@code daemon}, as one that came already does. */
        synchronized void attach(Daemon daemon) {
            owner = daemon;
            if (earlyFailure != null) {
                daemon.serverFailed(earlyFailure);
            }
        }

        private synchronized void serverFailed(Throwable cause) {
            if (owner != null) {
                owner.serverFailed(cause);
            } else if (earlyFailure == null) {
                earlyFailure = cause;
            }
        }

        void closeAll() {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("closing after a failed start: {}", e.toString());
                }
            }
        }
    }

    /** How the daemon starts; {@link #defaults()} for a resident server. */
    public static final class Options {
        private final boolean setup;
        private final Clock clock;
        private final String configName;

        private Options(Builder builder) {
            this.setup = builder.setup;
            this.clock = builder.clock;
            this.configName = builder.configName;
        }

        /** No setup (unless the switch is simulated), the system clock. */
        public static Options defaults() {
            return builder().build();
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Whether the switch is set up before serving. */
        public boolean setup() {
            return setup;
        }

        /** The clock for rate limits, signatures and entry ages. */
        public Clock clock() {
            return clock;
        }

        /** The configuration file's name, for hints in messages. */
        public String configName() {
            return configName;
        }

        /** Builds {@link Options}. */
        public static final class Builder {
            private boolean setup;
            private Clock clock = Clock.systemUTC();
            private String configName = Switches.DEFAULT_CONFIG_NAME;

            private Builder() {
            }

            /** Creates and binds the ACLs before serving (as {@code dumbno setup} does). */
            public Builder setup(boolean value) {
                this.setup = value;
                return this;
            }

            public Builder clock(Clock value) {
                this.clock = Objects.requireNonNull(value, "clock");
                return this;
            }

            public Builder configName(String value) {
                this.configName = Objects.requireNonNull(value, "configName");
                return this;
            }

            public Options build() {
                return new Options(this);
            }
        }
    }
}
