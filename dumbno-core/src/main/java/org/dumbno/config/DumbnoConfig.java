package org.dumbno.config;

import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * @param switchSettings the {@code [switch]} section
 * @param ports          ingress interface to ACL name, in file order ({@code [ports]})
 * @param egressPorts    tool-facing interface to label, in file order ({@code [egress_ports]})
 * @param twoTupleHosts  hosts whose flows are shunted by address pair only ({@code [two_tuple_hosts]});
 *                       an IPv4-mapped or IPv4-compatible one is kept as its IPv4 address
 * @param dumbno         the {@code [dumbno]} section
 * @param simulated      the {@code [simulated]} section
 * @param zeek           the {@code [zeek]} section; empty when the file has none
 */
public record DumbnoConfig(
        SwitchSettings switchSettings,
        Map<String, String> ports,
        Map<String, String> egressPorts,
        Set<IPAddress> twoTupleHosts,
        DumbnoSettings dumbno,
        SimulatedSettings simulated,
        Optional<ZeekSettings> zeek) {

    /** The environment variable holding the eAPI password when the file names none. */
    public static final String PASSWORD_VARIABLE = "DUMBNO_EAPI_PASSWORD";

    /** Validates names and addresses and takes unmodifiable, order-keeping copies. */
    public DumbnoConfig {
        Objects.requireNonNull(switchSettings, "switchSettings");
        Objects.requireNonNull(dumbno, "dumbno");
        Objects.requireNonNull(simulated, "simulated");
        Objects.requireNonNull(zeek, "zeek");
        ports = checkedPorts("ports", ports, true);
        egressPorts = checkedPorts("egress_ports", egressPorts, false);
        twoTupleHosts = checkedHosts(twoTupleHosts);
        Backend backend = switchSettings.backend();
        if (ports.isEmpty() && backend != Backend.DUMMY) {
            throw new ConfigException("[ports]: no ingress interfaces; backend = " + backend.configName()
                    + " needs at least one line like Ethernet1 = bulk_1");
        }
    }

    /** A configuration without a {@code [zeek]} section. */
    public DumbnoConfig(SwitchSettings switchSettings, Map<String, String> ports, Map<String, String> egressPorts,
            Set<IPAddress> twoTupleHosts, DumbnoSettings dumbno, SimulatedSettings simulated) {
        this(switchSettings, ports, egressPorts, twoTupleHosts, dumbno, simulated, Optional.empty());
    }

    private static Map<String, String> checkedPorts(String section, Map<String, String> table, boolean acls) {
        Map<String, String> copy = new LinkedHashMap<>();
        table.forEach((iface, name) -> {
            if (!InterfaceName.isValid(iface)) {
                throw Field.of(section, iface, name).fail(
                        "not an interface name EOS accepts (like Ethernet1, Ethernet1/1 or Port-Channel10)");
            }
            if (acls && !AclKey.isValidName(name)) {
                throw Field.of(section, iface, name).fail("not an ACL name EOS accepts (" + AclKey.NAME_RULE + ")");
            }
            copy.put(iface, name);
        });
        return Collections.unmodifiableMap(copy);
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
        return switchSettings.backend();
    }

    /** The distinct ACL names in {@code [ports]}, in the order they first appear. */
    public Set<String> aclNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(ports.values()));
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

        private Builder() {
        }

        /** Sets the {@code [switch]} section. */
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
            return new DumbnoConfig(switchSettings, ports, egressPorts, twoTupleHosts, dumbno, simulated,
                    Optional.ofNullable(zeek));
        }
    }
}
