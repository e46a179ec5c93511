package org.dumbno.config;

import inet.ipaddr.IPAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Addresses;

/**
 * Everything a dumbno configuration file says, as one immutable value. Load one with
 * {@link #load(Path)} or build one with {@link #builder()}.
 *
 * @param switches       the switches, first the one of {@code [switch]}, {@code [ports]} and
 *                       {@code [egress_ports]}, then those of {@code [switch NAME]} sections in file
 *                       order; names are unique regardless of case
 * @param twoTupleHosts  hosts whose flows are shunted by address pair only ({@code [two_tuple_hosts]});
 *                       an IPv4-mapped or IPv4-compatible one is kept as its IPv4 address
 * @param dumbno         the {@code [dumbno]} section
 * @param zeek           the {@code [zeek]} section; empty when the file has none
 */
public record DumbnoConfig(
        List<SwitchConfig> switches,
        Set<IPAddress> twoTupleHosts,
        DumbnoSettings dumbno,
        Optional<ZeekSettings> zeek) {

    /** The environment variable holding the eAPI password when the file names none. */
    public static final String PASSWORD_VARIABLE = "DUMBNO_EAPI_PASSWORD";

    /** Validates names and addresses and takes unmodifiable, order-keeping copies. */
    public DumbnoConfig {
        Objects.requireNonNull(dumbno, "dumbno");
        Objects.requireNonNull(zeek, "zeek");
        switches = List.copyOf(switches);
        if (switches.isEmpty()) {
            throw new ConfigException("[switch]: no switch");
        }
        Map<String, String> names = new HashMap<>();
        Map<InetSocketAddress, String> served = new HashMap<>();
        for (int i = 0; i < switches.size(); i++) {
            SwitchConfig one = switches.get(i);
            String header = section(SwitchSettings.SECTION, i, one.name());
            String taken = names.putIfAbsent(one.name().toLowerCase(Locale.ROOT), header);
            if (taken != null) {
                throw new ConfigException("[" + header + "]: the name " + one.name() + " is taken by [" + taken + "]");
            }
            checkedPorts(section(ConfigLoader.PORTS, i, one.name()), one.ports(), true);
            checkedPorts(section(ConfigLoader.EGRESS_PORTS, i, one.name()), one.egressPorts(), false);
            if (one.ports().isEmpty() && one.backend() != Backend.DUMMY) {
                throw new ConfigException("[" + section(ConfigLoader.PORTS, i, one.name()) + "]: no ingress interfaces;"
                        + " backend = " + one.backend().configName() + " needs at least one line like Ethernet1 = bulk_1");
            }
            if (one.backend() == Backend.SIMULATED && one.simulated().eapiListen().getPort() != 0) {
                String simulated = section(SimulatedSettings.SECTION, i, one.name());
                String other = served.putIfAbsent(one.simulated().eapiListen(), simulated);
                if (other != null) {
                    throw Field.of(simulated, "eapi_listen", one.simulated().eapiListen().toString())
                            .fail("the address [" + other + "] serves its simulated switch on");
                }
            }
        }
        twoTupleHosts = checkedHosts(twoTupleHosts);
    }

    /** A configuration of one switch, named {@value SwitchConfig#DEFAULT_NAME}. */
    public DumbnoConfig(SwitchSettings switchSettings, Map<String, String> ports, Map<String, String> egressPorts,
            Set<IPAddress> twoTupleHosts, DumbnoSettings dumbno, SimulatedSettings simulated,
            Optional<ZeekSettings> zeek) {
        this(List.of(new SwitchConfig(SwitchConfig.DEFAULT_NAME, switchSettings, ports, egressPorts, simulated)),
                twoTupleHosts, dumbno, zeek);
    }

    /** A configuration of one switch, without a {@code [zeek]} section. */
    public DumbnoConfig(SwitchSettings switchSettings, Map<String, String> ports, Map<String, String> egressPorts,
            Set<IPAddress> twoTupleHosts, DumbnoSettings dumbno, SimulatedSettings simulated) {
        this(switchSettings, ports, egressPorts, twoTupleHosts, dumbno, simulated, Optional.empty());
    }

    /**
     * The section a switch's part is read from: {@code base} for the first switch ({@code [ports]}),
     * {@code base NAME} for the others ({@code [ports edge2]}).
     */
    static String section(String base, int index, String name) {
        return index == 0 ? base : base + " " + name;
    }

    private static void checkedPorts(String section, Map<String, String> table, boolean acls) {
        table.forEach((iface, name) -> {
            if (!InterfaceName.isValid(iface)) {
                throw Field.of(section, iface, name).fail(
                        "not an interface name EOS accepts (like Ethernet1, Ethernet1/1 or Port-Channel10)");
            }
            if (acls && !AclKey.isValidName(name)) {
                throw Field.of(section, iface, name).fail("not an ACL name EOS accepts (" + AclKey.NAME_RULE + ")");
            }
        });
    }

    private static Set<IPAddress> checkedHosts(Set<IPAddress> hosts) {
        Set<IPAddress> copy = new LinkedHashSet<>();
        for (IPAddress host : hosts) {
            if (host.isMultiple() || (host.isPrefixed() && host.getNetworkPrefixLength() < host.getBitCount())) {
                throw Field.of("two_tuple_hosts", host.toString(), "").fail("not a single address");
            }
            copy.add(Addresses.unmapped(host.withoutPrefixLength()));
        }
        return Collections.unmodifiableSet(copy);
    }

    /** The first switch: {@code [switch]}, {@code [ports]}, {@code [egress_ports]}. */
    public SwitchConfig firstSwitch() {
        return switches.get(0);
    }

    /** The first switch's {@code [switch]} section. */
    public SwitchSettings switchSettings() {
        return firstSwitch().settings();
    }

    /** The first switch's ingress interface to ACL name, in file order ({@code [ports]}). */
    public Map<String, String> ports() {
        return firstSwitch().ports();
    }

    /** The first switch's tool-facing interface to label, in file order ({@code [egress_ports]}). */
    public Map<String, String> egressPorts() {
        return firstSwitch().egressPorts();
    }

    /** The {@code [simulated]} section: the first switch's simulated switch. */
    public SimulatedSettings simulated() {
        return firstSwitch().simulated();
    }

    /** Reads {@code file}; the password may come from {@value #PASSWORD_VARIABLE} in the process environment. */
    public static DumbnoConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Reads {@code file}, taking environment variables from {@code environment}. */
    public static DumbnoConfig load(Path file, Map<String, String> environment) {
        return new ConfigLoader(file, environment).load();
    }

    /** A builder: the dummy backend, no ports, every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The backend named in {@code [switch]}. */
    public Backend backend() {
        return switchSettings().backend();
    }

    /** The distinct ACL names in {@code [ports]}, in the order they first appear. */
    public Set<String> aclNames() {
        return firstSwitch().aclNames();
    }

    /** Whether {@code address} is listed in {@code [two_tuple_hosts]}. */
    public boolean isTwoTupleHost(IPAddress address) {
        return twoTupleHosts.contains(address.withoutPrefixLength());
    }

    /**
     * Builds a {@link DumbnoConfig} in code, for tests and embedders. Starts from the dummy backend
     * with no ports and every default; {@link #build()} applies the same checks as loading a file.
     */
    public static final class Builder {
        private SwitchSettings switchSettings = SwitchSettings.builder().backend(Backend.DUMMY).build();
        private final Map<String, String> ports = new LinkedHashMap<>();
        private final Map<String, String> egressPorts = new LinkedHashMap<>();
        private final Set<IPAddress> twoTupleHosts = new LinkedHashSet<>();
        private DumbnoSettings dumbno = DumbnoSettings.defaults();
        private SimulatedSettings simulated = SimulatedSettings.defaults();
        private ZeekSettings zeek;
        private String name = SwitchConfig.DEFAULT_NAME;
        private final List<SwitchConfig> more = new ArrayList<>();

        private Builder() {
        }

        /** Names the first switch ({@value SwitchConfig#DEFAULT_NAME} by default). */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value);
            return this;
        }

        /** Adds a switch after the first and those already added. */
        public Builder addSwitch(SwitchConfig value) {
            more.add(Objects.requireNonNull(value));
            return this;
        }

        /** Sets the first switch's {@code [switch]} section. */
        public Builder switchSettings(SwitchSettings value) {
            this.switchSettings = Objects.requireNonNull(value);
            return this;
        }

        /** Adds an ingress interface bound to an ACL, after those already added. */
        public Builder port(String iface, String aclName) {
            ports.put(Objects.requireNonNull(iface), Objects.requireNonNull(aclName));
            return this;
        }

        /** Adds a tool-facing interface. */
        public Builder egressPort(String iface, String label) {
            egressPorts.put(Objects.requireNonNull(iface), Objects.requireNonNull(label));
            return this;
        }

        /** Adds a two-tuple host. */
        public Builder twoTupleHost(IPAddress host) {
            twoTupleHosts.add(Objects.requireNonNull(host));
            return this;
        }

        /** Sets the {@code [dumbno]} section. */
        public Builder dumbno(DumbnoSettings value) {
            this.dumbno = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the {@code [simulated]} section. */
        public Builder simulated(SimulatedSettings value) {
            this.simulated = Objects.requireNonNull(value);
            return this;
        }

        /** Sets the {@code [zeek]} section: dumbno connects to Zeek. */
        public Builder zeek(ZeekSettings value) {
            this.zeek = Objects.requireNonNull(value);
            return this;
        }

        /** The configuration; throws {@link ConfigException} when it does not hold together. */
        public DumbnoConfig build() {
            List<SwitchConfig> switches = new ArrayList<>();
            switches.add(new SwitchConfig(name, switchSettings, ports, egressPorts, simulated));
            switches.addAll(more);
            return new DumbnoConfig(switches, twoTupleHosts, dumbno, Optional.ofNullable(zeek));
        }
    }
}
