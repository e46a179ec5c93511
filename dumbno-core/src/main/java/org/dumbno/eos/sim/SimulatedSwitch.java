package org.dumbno.eos.sim;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchUnavailableException;
import org.dumbno.eos.CommandFailedException;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.rule.Family;
import org.dumbno.rule.Flow;

/**
 * An Arista EOS switch simulated in-process: it interprets the EOS CLI commands dumbno and eAPI
 * clients send, with eAPI's semantics (one result per command, stop on the first error, earlier
 * commands stay applied), keeps IP and IPv6 access lists with per-entry counters, binds them to
 * interfaces, and passes simulated traffic through them. Faults can be injected: latency, failed
 * calls, refused commands, outages, a TCAM that fills up, a reload that loses the running
 * configuration, counters switched off or stale, and a platform without the default-result setting.
 *
 * <p>Thread-safe. Each call runs as a whole under one lock, so calls are atomic towards each other;
 * injected latency is waited out before taking it. Each call starts a fresh CLI session in exec
 * mode, as eAPI does, so configuration needs {@code enable} and {@code configure} first.
 * {@link #close()} does not stop the switch: like a real one it outlives its clients.
 *
 * <p>It is a {@link Transport}, not an {@link AclSwitch}, on purpose: dumbno reaches it as it
 * reaches a real switch, through {@link EosSwitch} and its EOS commands, so whatever runs on it
 * exercises those. {@link #aclSwitch(Map)} gives that {@code EosSwitch} in one call.
 */
public final class SimulatedSwitch implements Transport {
    private final ReentrantLock lock = new ReentrantLock();
    private final SwitchState state;
    private final Sleeper sleeper;
    private final Faults faults = new Faults();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong commandsRun = new AtomicLong();

    private SimulatedSwitch(Builder builder) {
        this.state = new SwitchState(builder.hostname, builder.clock, builder.interfaces, builder.egress);
        this.sleeper = builder.sleeper;
        this.state.tcam.resize(builder.tcamCapacity);
        this.state.defaultResultSupported = builder.defaultResultSupported;
    }

    /** A builder with 16 interfaces {@code Ethernet1-16}, no egress, the system clock, real sleeping. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This switch as dumbno drives it: the {@link EosSwitch} over it whose managed lists are those
     * {@code ports} maps ingress interfaces to (e.g. {@code Ethernet1 -> bulk_1}). Closing it leaves
     * this switch running.
     */
    public EosSwitch aclSwitch(Map<String, String> ports) {
        return EosSwitch.of(this, ports);
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        return call(commands, format, Taken.TREES);
    }

    /** Writes each result as JSON while the lock is held: a large show builds no tree. */
    @Override
    public List<byte[]> runCmdsAsJson(List<String> commands, Format format) throws SwitchException {
        return call(commands, format, Taken.JSON);
    }

    private <T> List<T> call(List<String> commands, Format format, Taken<T> taken) throws SwitchException {
        Objects.requireNonNull(format, "format");
        List<String> cmds = List.copyOf(commands);
        calls.incrementAndGet();
        waitLatency();
        String unavailable = faults.unavailable(state.clock.instant());
        if (unavailable != null) {
            throw new SwitchUnavailableException(describe(), unavailable, null);
        }
        lock.lock();
        try {
            Session session = new Session(state, format, cmds.size());
            try {
                return run(session, cmds, taken);
            } finally {
                session.end();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Each result is taken before the next command runs, so it shows the state that command saw. */
    private <T> List<T> run(Session session, List<String> cmds, Taken<T> taken) throws CommandFailedException {
        List<T> results = new ArrayList<>(cmds.size());
        for (int i = 0; i < cmds.size(); i++) {
            String command = cmds.get(i);
            try {
                if (faults.refuses(command)) {
                    throw CliError.invalid("Invalid input (simulated failure)");
                }
                results.add(taken.take(session.run(command)));
                commandsRun.incrementAndGet();
            } catch (CliError e) {
                List<JsonObject> before = new ArrayList<>(results.size());
                for (T result : results) {
                    before.add(taken.tree(result));
                }
                throw new CommandFailedException(describe(), e.code(), i, command, e.errors(), before);
            }
        }
        return results;
    }

    private void waitLatency() throws SwitchUnavailableException {
        Duration latency = faults.latency();
        if (latency.isZero()) {
            return;
        }
        try {
            sleeper.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchUnavailableException(describe(), "interrupted while waiting for the switch", e);
        }
    }

    @Override
    public String describe() {
        return state.hostname + " (simulated)";
    }

    /** Does nothing: the simulated switch keeps running for its next client. */
    @Override
    public void close() {
        // A switch outlives the connections made to it; there is nothing to release.
    }

    /**
     * Passes {@code packets} packets ({@code bytes} bytes) of {@code flow} in through
     * {@code ingressInterface}: the ingress ACL of the flow's family counts them against its first
     * matching programmed entry (with {@code counters per-entry}); permitted traffic leaves through
     * one egress interface, the same for every packet of a flow (a tool group balanced by flow), so
     * ingress less egress is exactly what the ACLs dropped.
     *
     * @return false when the ACL dropped the traffic (a deny entry or the implicit deny at the end)
     * @throws IllegalArgumentException the interface does not exist or the counts are negative
     */
    public boolean send(String ingressInterface, Flow flow, long packets, long bytes) {
        Objects.requireNonNull(flow, "flow");
        if (packets < 0 || bytes < 0) {
            throw new IllegalArgumentException("packets (" + packets + ") and bytes (" + bytes
                    + ") must not be negative");
        }
        lock.lock();
        try {
            return state.send(port(ingressInterface), flow, packets, bytes);
        } finally {
            lock.unlock();
        }
    }

    /** Adds to an interface's octet counters directly (packet counters stay). */
    public void advanceCounters(String iface, long inOctets, long outOctets) {
        lock.lock();
        try {
            Port port = port(iface);
            port.inOctets += inOctets;
            port.outOctets += outOctets;
        } finally {
            lock.unlock();
        }
    }

    /** The entries of an access list, in sequence order; empty when it does not exist. */
    public List<SimulatedEntry> entries(String acl, Family family) {
        lock.lock();
        try {
            AccessList list = state.acl(family, acl);
            return list == null ? List.of() : list.entries().stream().map(LiveEntry::snapshot).toList();
        } finally {
            lock.unlock();
        }
    }

    /** The names of the configured access lists of a family, sorted. */
    public List<String> accessLists(Family family) {
        lock.lock();
        try {
            return state.acls(family).stream().map(acl -> acl.name).toList();
        } finally {
            lock.unlock();
        }
    }

    /** The ACLs bound {@code in} on an interface, by family. */
    public Map<Family, String> boundAcls(String iface) {
        lock.lock();
        try {
            Map<Family, String> bound = new EnumMap<>(Family.class);
            bound.putAll(port(iface).ingressAcls);
            return Map.copyOf(bound);
        } finally {
            lock.unlock();
        }
    }

    /** The interface names, in the order they were configured. */
    public List<String> interfaces() {
        lock.lock();
        try {
            return state.ports().stream().map(port -> port.name).toList();
        } finally {
            lock.unlock();
        }
    }

    private Port port(String iface) {
        Port port = state.port(Objects.requireNonNull(iface, "interface"));
        if (port == null) {
            throw new IllegalArgumentException("interface (" + iface + ") does not exist on " + describe());
        }
        return port;
    }

    /** Makes every later call wait {@code perCall} (through the sleeper) before it runs. */
    public void latency(Duration perCall) {
        faults.latency(Objects.requireNonNull(perCall, "latency"));
    }

    /** The next {@code n} calls fail with {@link SwitchUnavailableException} without running anything. */
    public void failNextCalls(int n) {
        faults.failNextCalls(n);
    }

    /**
     * The first command of a call that {@code which} accepts is refused with eAPI error 1002, in
     * {@code times} calls; stop-on-error applies as to any refused command.
     */
    public void failCommands(Predicate<String> which, int times) {
        faults.failCommands(Objects.requireNonNull(which, "which"), times);
    }

    /** Every call fails with {@link SwitchUnavailableException} until the clock passes now + {@code length}. */
    public void outage(Duration length) {
        faults.outageUntil(state.clock.instant().plus(Objects.requireNonNull(length, "length")));
    }

    /**
     * Reloads the switch: it answers nothing for {@code downFor}, then comes back with its startup
     * configuration, which is empty: every access list (and shunt), every binding and the
     * default-result setting are gone, as after a reload of a switch whose layout was never saved.
     */
    public void reload(Duration downFor) {
        Objects.requireNonNull(downFor, "downFor");
        lock.lock();
        try {
            state.reload();
        } finally {
            lock.unlock();
        }
        if (!downFor.isZero()) {
            outage(downFor);
        }
    }

    /**
     * Turns per-entry counters on or off in every access list, as {@code [no] counters per-entry}
     * does (or a release whose platforms count nothing by default): while off, no entry counts and
     * the lists read {@code countersEnabled: false} with no packet counts.
     */
    public void countersPerEntry(boolean on) {
        lock.lock();
        try {
            for (Family family : Family.values()) {
                state.acls(family).forEach(acl -> acl.countersPerEntry = on);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the counters of every access list stale, or current again: while stale, the lists read
     * {@code staleCounters: true} and the counts shown stop moving; when current again they catch
     * up with what was counted meanwhile.
     */
    public void staleCounters(boolean stale) {
        lock.lock();
        try {
            for (Family family : Family.values()) {
                state.acls(family).forEach(acl -> acl.staleCounters(stale));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code hardware access-list update default-result permit} is configured. */
    public boolean defaultResultPermit() {
        lock.lock();
        try {
            return state.defaultResultPermit;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the access list exists and counts per entry. */
    public boolean countsPerEntry(String acl, Family family) {
        lock.lock();
        try {
            AccessList list = state.acl(family, acl);
            return list != null && list.countersPerEntry;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every injected fault and the latency (not the TCAM capacity). */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Sets how many ACL entries (permit and deny, across all lists) the hardware holds. Entries beyond
     * it are configured and shown but never match traffic; a warning is logged when the table fills.
     */
    public void tcamCapacity(int entries) {
        lock.lock();
        try {
            state.tcam.resize(entries);
        } finally {
            lock.unlock();
        }
    }

    /** ACL entries programmed into the TCAM. */
    public int tcamUsed() {
        lock.lock();
        try {
            return state.tcam.used();
        } finally {
            lock.unlock();
        }
    }

    /** Calls made to {@link #runCmds}, failed ones included. */
    public long calls() {
        return calls.get();
    }

    /** Commands that ran successfully, over all calls. */
    public long commandsRun() {
        return commandsRun.get();
    }

    /** Configures a {@link SimulatedSwitch}. */
    public static final class Builder {
        private List<String> interfaces = InterfaceNames.expand("Ethernet1-16");
        private List<String> egress = List.of();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.real();
        private String hostname = "dumbno-sim";
        private int tcamCapacity = Integer.MAX_VALUE;
        private boolean defaultResultSupported = true;

        private Builder() {
        }

        /**
         * Whether the platform has {@code hardware access-list update default-result permit}
         * (true by default); without it the command is refused as invalid input.
         */
        public Builder defaultResultSupported(boolean supported) {
            this.defaultResultSupported = supported;
            return this;
        }

        /** The interfaces, as names or ranges ({@code Ethernet1-16}); replaces the default. */
        public Builder interfaces(String... namesOrRanges) {
            return interfaces(List.of(namesOrRanges));
        }

        /** The interfaces, as names or ranges ({@code Ethernet1-16}); replaces the default. */
        public Builder interfaces(List<String> namesOrRanges) {
            this.interfaces = expandAll(namesOrRanges);
            return this;
        }

        /** The tool-facing interfaces permitted traffic leaves by, each flow by one; added to the interfaces. */
        public Builder egress(String... namesOrRanges) {
            return egress(List.of(namesOrRanges));
        }

        /** The tool-facing interfaces permitted traffic leaves by, each flow by one; added to the interfaces. */
        public Builder egress(List<String> namesOrRanges) {
            this.egress = expandAll(namesOrRanges);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder hostname(String hostname) {
            if (hostname == null || !hostname.matches("[A-Za-z0-9][A-Za-z0-9.\\-]{0,62}")) {
                throw new IllegalArgumentException("hostname (" + hostname + ") must be letters, digits, '.', '-'");
            }
            this.hostname = hostname;
            return this;
        }

        /** ACL entries the hardware holds (unlimited by default). */
        public Builder tcamCapacity(int entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("tcamCapacity (" + entries + ") must be >= 0");
            }
            this.tcamCapacity = entries;
            return this;
        }

        public SimulatedSwitch build() {
            return new SimulatedSwitch(this);
        }

        private static List<String> expandAll(List<String> namesOrRanges) {
            List<String> names = new ArrayList<>();
            for (String spec : namesOrRanges) {
                names.addAll(InterfaceNames.expand(spec));
            }
            return List.copyOf(names);
        }
    }
}
