package org.dumbno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package tree is the architecture: dependencies between dumbno-core's packages (as its
 * imports name them) point one way, the engine and the switch SPI know nothing of EOS or of the
 * daemon around them, every package of every module says what it is for, and core publishes only
 * the types listed here.
 */
class PackageTreeTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.dumbno\\.([a-z]+)\\.",
            Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) ",
            Pattern.MULTILINE);

    /** Each top-level package of dumbno-core to the top-level packages its main code imports. */
    private static Map<String, Set<String>> imports;

    @BeforeAll
    static void readImports() throws IOException {
        imports = new TreeMap<>();
        Path root = moduleRoot().resolve("src/main/java/org/dumbno");
        for (Path file : javaFiles(root)) {
            String top = root.relativize(file).getName(0).toString();
            if (top.endsWith(".java")) {
                continue;
            }
            Set<String> targets = imports.computeIfAbsent(top, k -> new TreeSet<>());
            Matcher matcher = IMPORT.matcher(Files.readString(file));
            while (matcher.find()) {
                if (!matcher.group(1).equals(top)) {
                    targets.add(matcher.group(1));
                }
            }
        }
    }

    @Test
    void dependenciesBetweenPackagesHaveNoCycle() {
        List<String> cycle = cycle();
        assertTrue(cycle.isEmpty(), "packages depend on each other in a circle: " + String.join(" -> ", cycle));
    }

    @Test
    void theSwitchSpiAndTheRuleModelStandOnTheirOwn() {
        assertEquals(Set.of("client"), imports.get("rule"), "rule");
        assertEquals(Set.of("rule"), imports.get("acl"), "acl speaks only rules");
    }

    @Test
    void theEngineKnowsTheSwitchOnlyThroughTheSpi() {
        Set<String> engine = imports.get("manager");
        for (String outside : List.of("eos", "config", "daemon", "server", "metrics", "zeek", "security")) {
            assertTrue(!engine.contains(outside), "manager imports " + outside + ": " + engine);
        }
    }

    @Test
    void theEosLayerKnowsNothingOfTheEngineOrTheDaemon() {
        Set<String> eos = imports.get("eos");
        for (String above : List.of("manager", "config", "daemon", "server", "metrics", "zeek", "security")) {
            assertTrue(!eos.contains(above), "eos imports " + above + ": " + eos);
        }
    }

    @Test
    void everyPackageOfEveryModuleHasAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        Path project = moduleRoot().getParent();
        try (Stream<Path> modules = Files.list(project)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                Path sources = module.resolve("src/main/java");
                for (Path file : javaFiles(sources)) {
                    Path dir = file.getParent();
                    if (!Files.exists(dir.resolve("package-info.java"))) {
                        String name = sources.relativize(dir).toString().replace('/', '.');
                        if (!missing.contains(name)) {
                            missing.add(name);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "packages without a package-info.java");
    }

    /**
     * Every public top-level type of dumbno-core, by package: what a library user names (the
     * engine and its builder, listener and outcome types, the switch SPI, the rule model, the EOS
     * switch and its transports, the simulated switch, the UDP server, security, the daemon and
     * its configuration, metrics, the Zeek bridge) and what another package, dumbno-cli or
     * dumbno-bench names. A type joins this list on purpose, never by a stray {@code public}.
     */
    private static final Map<String, List<String>> PUBLIC_TYPES = Map.ofEntries(
            Map.entry("acl", List.of("AclEntry", "AclKey", "AclSwitch", "AuthenticationException", "EntryRef",
                    "EntryWrite", "EntryWriteException", "InterfaceCounters", "LayoutProblem", "LayoutReport",
                    "SetupReport", "SwitchException", "SwitchRead", "SwitchRefusedException",
                    "SwitchUnavailableException")),
            Map.entry("config", List.of("Backend", "ConfigException", "DumbnoConfig", "DumbnoSettings", "Secret",
                    "SimulatedSettings", "SwitchConfig", "SwitchSettings", "ZeekSettings")),
            Map.entry("daemon", List.of("Daemon", "Reload", "Switches")),
            Map.entry("eos", List.of("CommandFailedException", "EosSwitch", "ForwardingTransport", "Transport")),
            Map.entry("eos.eapi", List.of("EapiServer", "EapiTransport")),
            Map.entry("eos.sim", List.of("SimulatedEntry", "SimulatedSwitch", "Sleeper", "TrafficGenerator")),
            Map.entry("internal", List.of("DaemonThreads", "FilePermissions", "LoopWatch", "Loops",
                    "SocketAddresses", "TlsContexts")),
            Map.entry("manager", List.of("ACLManager", "ActiveShunt", "EverySwitch", "PurgeReport", "RemovalReason",
                    "RemovedShunt", "SequenceAllocation", "SequenceNumbers", "ShuntListener", "ShuntOutcome",
                    "Shunter", "WhenFull")),
            Map.entry("metrics", List.of("DumbnoMetrics", "Health", "MetricsServer")),
            Map.entry("rule", List.of("Addresses", "Endpoint", "Family", "Flow", "InvalidRequestException", "Order",
                    "Protocol", "Request", "RequestFilter", "Rule", "TcpFlag")),
            Map.entry("security", List.of("Security", "SigningKey")),
            Map.entry("server", List.of("RequestGate", "ServerStats", "UdpServer", "WireReply")),
            Map.entry("zeek", List.of("ZeekBridge", "ZeekStats")));

    @Test
    void onlyTheListedTypesArePublic() throws IOException {
        Set<String> listed = new TreeSet<>();
        PUBLIC_TYPES.forEach((pkg, names) -> names.forEach(name -> listed.add(pkg + "." + name)));
        assertEquals(listed, publicTypes(), "public types of dumbno-core (add a new one to PUBLIC_TYPES on purpose)");
    }

    /**
     * The bound reached: 77 of 198 types. The rest are named across packages (the config model the
     * daemon reads, the helpers in {@code internal}, the seams between server, security, metrics
     * and the daemon) or by dumbno-cli and dumbno-bench; fewer would mean merging packages a
     * reader now understands one by one.
     */
    @Test
    void atMostFortyPercentOfCoresTypesArePublic() throws IOException {
        int types = 0;
        for (Path file : javaFiles(moduleRoot().resolve("src/main/java"))) {
            if (!file.getFileName().toString().equals("package-info.java")) {
                types++;
            }
        }
        int published = publicTypes().size();
        assertTrue(published * 100 <= types * 40, published + " of " + types + " top-level types are public");
    }

    /** {@code package.Type} (below {@code org.dumbno}) for each public top-level type of core's main code. */
    private static Set<String> publicTypes() throws IOException {
        Path root = moduleRoot().resolve("src/main/java/org/dumbno");
        Set<String> found = new TreeSet<>();
        for (Path file : javaFiles(root)) {
            String name = file.getFileName().toString();
            if (name.equals("package-info.java") || !PUBLIC_TYPE.matcher(Files.readString(file)).find()) {
                continue;
            }
            String pkg = root.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
            found.add(pkg + "." + name.substring(0, name.length() - ".java".length()));
        }
        return found;
    }

    private static List<String> cycle() {
        Map<String, Integer> state = new TreeMap<>();
        List<String> path = new ArrayList<>();
        for (String start : imports.keySet()) {
            List<String> found = visit(start, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Depth first; state 1 = on the path, 2 = done. Returns the cycle found, else empty. */
    private static List<String> visit(String pkg, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(pkg);
        if (seen != null && seen == 2) {
            return List.of();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
            cycle.add(pkg);
            return cycle;
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : imports.getOrDefault(pkg, Set.of())) {
            List<String> found = visit(next, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return List.of();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** dumbno-core's directory, whichever directory the tests run from. */
    private static Path moduleRoot() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve("dumbno-core")) ? here.resolve("dumbno-core") : here;
    }
}
