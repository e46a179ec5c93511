package org.dumbno.config;

import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dumbno.rule.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one configuration file into a {@link DumbnoConfig}, section by section. */
final class ConfigLoader {
    static final String PORTS = "ports";
    static final String EGRESS_PORTS = "egress_ports";
    static final String TWO_TUPLE_HOSTS = "two_tuple_hosts";
    private static final Set<String> KNOWN_SECTIONS = Set.of(SwitchSettings.SECTION, PORTS, EGRESS_PORTS,
            TWO_TUPLE_HOSTS, DumbnoSettings.SECTION, SimulatedSettings.SECTION, ZeekSettings.SECTION);
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final Path file;
    private final Path baseDir;
    private final Map<String, String> environment;

    ConfigLoader(Path file, Map<String, String> environment) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.baseDir = parent != null ? parent : file.toAbsolutePath();
        this.environment = Map.copyOf(environment);
    }

    DumbnoConfig load() {
        try {
            IniFile ini = IniFile.read(file);
            warnUnknownSections(ini);
            return new DumbnoConfig(
                    SwitchSection.read(reader(ini, SwitchSettings.SECTION, SwitchSection.KEYS), file, environment),
                    table(ini, PORTS),
                    table(ini, EGRESS_PORTS),
                    hosts(ini),
                    DumbnoSection.read(reader(ini, DumbnoSettings.SECTION, DumbnoSection.KEYS)),
                    SimulatedSection.read(reader(ini, SimulatedSettings.SECTION, SimulatedSection.KEYS)),
                    ZeekSection.read(reader(ini, ZeekSettings.SECTION, ZeekSection.KEYS),
                            ini.section(ZeekSettings.SECTION).isPresent()));
        } catch (ConfigException e) {
            throw e.inFile(file.toString());
        }
    }

    private void warnUnknownSections(IniFile ini) {
        for (String name : ini.sectionNames()) {
            if (!KNOWN_SECTIONS.contains(name)) {
                LOG.warn("{}: [{}]: unknown section, ignored", file, name);
            }
        }
    }

    private SectionReader reader(IniFile ini, String section, Set<String> keys) {
        return new SectionReader(section, ini.section(section).orElse(List.of()), keys, baseDir);
    }

    /** An interface table, in file order; names are checked by {@link DumbnoConfig}. */
    private static Map<String, String> table(IniFile ini, String section) {
        Map<String, String> table = new LinkedHashMap<>();
        for (IniFile.Entry entry : ini.section(section).orElse(List.of())) {
            if (table.putIfAbsent(entry.key(), entry.value()) != null) {
                throw Field.of(section, entry.key(), entry.value()).fail("interface listed twice");
            }
        }
        return table;
    }

    private static Set<IPAddress> hosts(IniFile ini) {
        Set<IPAddress> hosts = new LinkedHashSet<>();
        for (IniFile.Entry entry : ini.section(TWO_TUPLE_HOSTS).orElse(List.of())) {
            IPAddress host = Addresses.parseHost(entry.key()).orElseThrow(() -> Field.of(TWO_TUPLE_HOSTS,
                    entry.key(), entry.value()).fail("not an IPv4 or IPv6 address"));
            Addresses.embeddedIPv4Kind(host).ifPresent(kind -> LOG.warn("[{}] {} is an {} address; using {}",
                    TWO_TUPLE_HOSTS, entry.key(), kind, Addresses.unmapped(host)));
            hosts.add(host);
        }
        return hosts;
    }
}
