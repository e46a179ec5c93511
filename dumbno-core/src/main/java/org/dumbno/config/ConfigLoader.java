package org.dumbno.config;

import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dumbno.manager.EverySwitch;
import org.dumbno.rule.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one configuration file into a {@link DumbnoConfig}, section by section. The first switch
 * is {@code [switch]}, {@code [ports]}, {@code [egress_ports]} and {@code [simulated]}; each more
 * is the same sections with its name after a space: {@code [switch edge2]}, {@code [ports edge2]}.
 */
final class ConfigLoader {
    static final String PORTS = "ports";
    static final String EGRESS_PORTS = "egress_ports";
    static final String TWO_TUPLE_HOSTS = "two_tuple_hosts";
    /** The sections a named switch may have, besides its {@code [switch NAME]}. */
    private static final Set<String> SWITCH_PARTS = Set.of(PORTS, EGRESS_PORTS, SimulatedSettings.SECTION);
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
            List<String> named = namedSwitches(ini);
            return new DumbnoConfig(
                    switches(ini, named),
                    hosts(ini),
                    DumbnoSection.read(reader(ini, DumbnoSettings.SECTION, DumbnoSection.KEYS)),
                    ZeekSection.read(reader(ini, ZeekSettings.SECTION, ZeekSection.KEYS),
                            ini.section(ZeekSettings.SECTION).isPresent()));
        } catch (ConfigException e) {
            throw e.inFile(file.toString());
        }
    }

    /**
     * The names of the {@code [switch NAME]} sections in file order. Warns of unknown sections;
     * a part of a switch ({@code [ports NAME]}) without its {@code [switch NAME]} and a name that
     * is not one are errors.
     */
    private List<String> namedSwitches(IniFile ini) {
        List<String> named = new ArrayList<>();
        for (String section : ini.sectionNames()) {
            String[] words = section.trim().split("\\s+", 2);
            if (words.length == 1 || !(SWITCH_PARTS.contains(words[0]) || words[0].equals(SwitchSettings.SECTION))) {
                if (!KNOWN_SECTIONS.contains(section)) {
                    LOG.warn("{}: [{}]: unknown section, ignored", file, section);
                }
                continue;
            }
            String name = words[1];
            if (!SwitchConfig.isName(name)) {
                throw new ConfigException("[" + section + "]: \"" + name + "\" is not a switch name ("
                        + EverySwitch.NAME_RULE + ")");
            }
            if (!section.equals(words[0] + " " + name)) {
                throw new ConfigException("[" + section + "]: write it [" + words[0] + " " + name + "]");
            }
            if (words[0].equals(SwitchSettings.SECTION)) {
                named.add(name);
            } else if (ini.section(SwitchSettings.SECTION + " " + name).isEmpty()) {
                throw new ConfigException("[" + section + "]: there is no [switch " + name + "] for it");
            }
        }
        return named;
    }

    private List<SwitchConfig> switches(IniFile ini, List<String> named) {
        List<SwitchConfig> switches = new ArrayList<>();
        SimulatedSettings simulated = SimulatedSection.read(
                reader(ini, SimulatedSettings.SECTION, SimulatedSection.KEYS), SimulatedSettings.defaults());
        SectionReader first = reader(ini, SwitchSettings.SECTION, SwitchSection.KEYS);
        String name = first.field("name").map(ConfigLoader::firstName).orElse(SwitchConfig.DEFAULT_NAME);
        switches.add(new SwitchConfig(name, SwitchSection.read(first, file, environment),
                table(ini, PORTS), table(ini, EGRESS_PORTS), simulated));
        for (String other : named) {
            String header = SwitchSettings.SECTION + " " + other;
            SectionReader section = reader(ini, header, SwitchSection.KEYS);
            section.field("name").ifPresent(field -> {
                throw field.fail("a switch of its own section is named in its header");
            });
            String simulatedHeader = SimulatedSettings.SECTION + " " + other;
            SimulatedSettings inherited = simulated.servedAfter(switches.size());
            SimulatedSettings own = ini.section(simulatedHeader).isEmpty() ? inherited
                    : SimulatedSection.read(reader(ini, simulatedHeader, SimulatedSection.KEYS), inherited);
            switches.add(new SwitchConfig(other, SwitchSection.read(section, file, environment),
                    table(ini, PORTS + " " + other), table(ini, EGRESS_PORTS + " " + other), own));
        }
        return switches;
    }

    private static String firstName(Field field) {
        if (!SwitchConfig.isName(field.value())) {
            throw field.fail("not a switch name (" + EverySwitch.NAME_RULE + ")");
        }
        return field.value();
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
