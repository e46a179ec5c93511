package org.dumbno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.tools.ToolProvider;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.EntryWriteException;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.LayoutReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.client.ACLClient;
import org.dumbno.client.FlowRequest;
import org.dumbno.client.Reply;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.Transport;
import org.dumbno.eos.eapi.EapiTransport;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.manager.ACLManager;
import org.dumbno.manager.EverySwitch;
import org.dumbno.manager.RemovalReason;
import org.dumbno.manager.SequenceAllocation;
import org.dumbno.manager.ShuntListener;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.security.Security;
import org.dumbno.security.SigningKey;
import org.dumbno.server.UdpServer;
import org.dumbno.server.WireReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of README.md, run: every region between a {@code // README: name} and a
 * {@code // README end} line below must appear in README.md line for line (indentation aside),
 * so the documented code is code that compiles and does what the README says.
 */
@Timeout(30)
class ReadmeExamplesIT {
    private static final String REGION_START = "// README: ";
    private static final String REGION_END = "// README end";

    @TempDir
    Path dir;

    @Test
    void embedsTheManagerOnTheSimulatedSwitch() throws Exception {
        // README: embedding
        List<String> removed = new CopyOnWriteArrayList<>();
        SimulatedSwitch simulated = SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
        AclSwitch aclSwitch = simulated.aclSwitch(Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"));
        aclSwitch.setup();  // create and bind the ACLs, as `dumbno setup` does
        try (ACLManager manager = ACLManager.builder()
                .aclSwitch(aclSwitch)
                .purgeInterval(Duration.ofSeconds(30))
                .maxRules(1000)
                .listener(new ShuntListener() {  // hears from start() on
                    @Override
                    public void removed(Rule rule, long sequence, RemovalReason reason) {
                        removed.add(reason + " " + rule.text());
                    }
                })
                .build()) {
            manager.start();  // reads the switch, starts the purge loop
            Request request = Request.builder().src("10.1.2.3").dst("192.0.2.9").proto("tcp").sport(51234).dport(443).build();
            ShuntOutcome outcome = manager.add(request).get();
            // outcome.status() is INSTALLED, outcome.sequence() 501; manager.active() lists the shunt
            // README end
            assertEquals("ok", WireReply.of(outcome));
            assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status());
            assertEquals(501, outcome.sequence());
            assertEquals(1, manager.active().size());
            for (String acl : List.of("bulk_1", "bulk_2")) {
                assertTrue(simulated.entries(acl, Family.IP).stream().anyMatch(entry -> entry.sequence() == 501
                        && entry.text().equals("deny tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq https")), acl);
            }
            // README: purge
            manager.purge();  // a sweep notes every packet counter...
            manager.purge();  // ...the next removes the entries whose counter did not move
            // removed holds "IDLE tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq 443"
            // README end
            assertEquals(List.of("IDLE tcp host 10.1.2.3 eq 51234 host 192.0.2.9 eq 443"), removed);
            assertTrue(manager.active().isEmpty());
        }
    }

    @Test
    void servesSeveralSwitchesBehindEverySwitch() throws Exception {
        List<SimulatedSwitch> simulated = new ArrayList<>();
        List<ACLManager> managers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1").build();
            EosSwitch eos = EosSwitch.of(sim, Map.of("Ethernet1", "bulk_1"));
            eos.setup();
            ACLManager manager = ACLManager.builder().aclSwitch(eos).build();
            manager.start();
            simulated.add(sim);
            managers.add(manager);
        }
        ACLManager managerOfEdge1 = managers.get(0);
        ACLManager managerOfEdge2 = managers.get(1);
        List<InetSocketAddress> addresses = List.of(new InetSocketAddress("127.0.0.1", 0));
        // README: several switches
        EverySwitch every = EverySwitch.of(List.of(
                new EverySwitch.Member("edge1", managerOfEdge1),
                new EverySwitch.Member("edge2", managerOfEdge2)));
        UdpServer server = UdpServer.start(addresses, every, UdpServer.Options.defaults());
        // README end
        try (server; ACLClient client = new ACLClient("127.0.0.1", server.addresses().get(0).getPort())) {
            assertEquals("ok", client.add(FlowRequest.builder().src("10.1.2.3").build()).text());
            for (SimulatedSwitch sim : simulated) {
                assertTrue(sim.entries("bulk_1", Family.IP).stream().anyMatch(entry -> entry.sequence() == 501
                        && entry.text().equals("deny ip host 10.1.2.3 any")));
            }
        } finally {
            managers.forEach(ACLManager::close);
            every.close();
        }
    }

    @Test
    void choosesSequenceNumbersWithAnAllocation() throws Exception {
        SimulatedSwitch simulated = SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
        EosSwitch eos = EosSwitch.of(simulated, Map.of("Ethernet1", "bulk_1", "Ethernet2", "bulk_2"));
        eos.setup();
        // README: allocation
        SequenceAllocation topDown = numbers -> {
            for (long n = numbers.max() - 1; n > numbers.min(); n--) {
                if (numbers.isFree(n)) {
                    return n;
                }
            }
            return SequenceAllocation.NONE;
        };
        try (ACLManager manager = ACLManager.builder()
                .aclSwitch(eos)
                .sequenceAllocation(topDown)  // SequenceAllocation.roundRobin() by default
                .build()) {
            manager.start();
            ShuntOutcome outcome = manager.add(Request.builder().src("10.1.2.3").build()).get();
            // outcome.sequence() is 99999, the highest odd number below seq_max
            // README end
            assertEquals(99_999, outcome.sequence());
            assertEquals(99_997, manager.add(Request.builder().src("10.1.2.4").build()).get().sequence(),
                    "the next one down");
        }
    }

    @Test
    void buildsATransportForARealSwitch() {
        String password = "not-a-real-password";
        // README: eapi
        try (Transport transport = EapiTransport.builder()
                .host("192.0.2.1")              // [switch] ip; https on port 443 by default
                .user("dumbno")
                .password(password)
                .timeout(Duration.ofSeconds(10))
                .build()) {
            EosSwitch eos = EosSwitch.of(transport, Map.of("Ethernet1", "bulk_1"));
            // README end
            assertEquals("https://192.0.2.1:443", eos.describe());
            assertFalse(transport.toString().contains(password));
        }
    }

    // README: custom switch
    final class MemorySwitch implements AclSwitch {
        private final Map<AclKey, SortedMap<Long, AclEntry>> lists = new LinkedHashMap<>();

        MemorySwitch(String... names) {
            AclKey.inBothFamilies(List.of(names)).forEach(acl -> lists.put(acl, new TreeMap<>()));
        }

        @Override public String describe() { return "memory"; }
        @Override public List<AclKey> acls() { return List.copyOf(lists.keySet()); }

        @Override public synchronized SwitchRead read() {
            Map<AclKey, List<AclEntry>> read = new LinkedHashMap<>();
            lists.forEach((acl, lines) -> read.put(acl, List.copyOf(lines.values())));
            return new SwitchRead(read, LayoutReport.OK);  // no layout to keep
        }

        @Override public synchronized List<LayoutProblem> write(List<EntryWrite> writes) throws EntryWriteException {
            List<EntryWrite> applied = new ArrayList<>();
            for (EntryWrite w : writes) {
                AclEntry line = new AclEntry(w.sequence(), "deny", w.rule(), "deny " + w.rule().text(), 0);
                if (lists.get(w.acl()).putIfAbsent(w.sequence(), line) != null) {  // stop at the first refusal
                    throw EntryWriteException.sequenceTaken(describe(), w, applied, List.of("in use"), null);
                }
                applied.add(w);
            }
            return List.of();
        }

        @Override public synchronized void remove(List<EntryRef> refs) {
            refs.forEach(ref -> lists.get(ref.acl()).remove(ref.sequence()));
        }
    }
    // README end

    @Test
    void aCustomSwitchTakesTheEngine() throws Exception {
        // README: custom switch in use
        try (MemorySwitch memory = new MemorySwitch("bulk_1", "bulk_2");
                ACLManager manager = ACLManager.builder().aclSwitch(memory).build()) {
            manager.start();
            ShuntOutcome outcome = manager.add(Request.builder().src("10.1.2.3").build()).get();
            // outcome.status() is INSTALLED: "deny ip host 10.1.2.3 any" is line 501 of ip bulk_1 and ip bulk_2
            manager.purge();
            manager.purge();  // its count never moved: gone again
            // README end
            assertEquals(ShuntOutcome.Status.INSTALLED, outcome.status());
            assertEquals(501, outcome.sequence());
            assertTrue(manager.active().isEmpty());
            assertTrue(memory.read().acls().values().stream().allMatch(List::isEmpty), memory.read().toString());
        }
    }

    @Test
    void aCustomSwitchHoldsWhatTheEngineWrote() throws Exception {
        try (MemorySwitch memory = new MemorySwitch("bulk_1", "bulk_2");
                ACLManager manager = ACLManager.builder().aclSwitch(memory).build()) {
            manager.start();
            manager.add(Request.builder().src("10.1.2.3").build()).get();

            Map<AclKey, List<AclEntry>> read = memory.read().acls();
            for (String name : List.of("bulk_1", "bulk_2")) {
                assertEquals(List.of("501 deny ip host 10.1.2.3 any"), read.get(new AclKey(name, Family.IP)).stream()
                        .map(line -> line.sequence() + " " + line.text()).toList(), name);
                assertEquals(List.of(), read.get(new AclKey(name, Family.IPV6)));
            }
        }
    }

    @Test
    void clientAsksARunningServer() throws Exception {
        try (Served served = Served.start(null)) {
            int port = served.port();
            // README: client
            try (ACLClient client = new ACLClient("127.0.0.1", port)) {
                FlowRequest flow = FlowRequest.builder().src("10.1.2.3").dst("192.0.2.9").proto("tcp").dport(443).build();
                Reply reply = client.add(flow);
                // reply.isOk(); or reply.errorReason() holds the server's reason, reply.text() "error: <reason>"
                // README end
                assertEquals("ok", reply.text());
                assertTrue(reply.isOk());
            }
            assertEquals(1, served.manager.active().size());
        }
    }

    @Test
    void clientSignsItsRequestsWithTheServersKey() throws Exception {
        Path keyFile = dir.resolve("request.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n", StandardCharsets.US_ASCII);
        try (Served served = Served.start(SigningKey.load(keyFile).bytes())) {
            int port = served.port();
            // README: signed client
            try (ACLClient client = ACLClient.builder()
                    .server("127.0.0.1:" + port)
                    .secretFile(keyFile)  // the file [dumbno] secret_file names
                    .timeout(Duration.ofSeconds(1))
                    .tries(3)
                    .build()) {
                Reply reply = client.add(FlowRequest.builder().src("10.1.2.4").dst("192.0.2.9").proto("udp").dport(53).build());
                // README end
                assertEquals("ok", reply.text());
            }
            try (ACLClient unsigned = new ACLClient("127.0.0.1", port)) {
                assertEquals("error: request not signed", unsigned.addAcl("10.1.2.5", null, null, null, null));
            }
            assertEquals(1, served.manager.active().size());
        }
    }

    @Test
    void theCompleteClientProgramRunsWithOnlyTheClientJar() throws Exception {
        Path keyFile = dir.resolve("request.key");
        Files.writeString(keyFile, "0123456789abcdef0123456789abcdef\n", StandardCharsets.US_ASCII);
        Path source = dir.resolve("ShuntOne.java");
        Files.writeString(source, javaBlock(Files.readAllLines(repositoryRoot().resolve("README.md")),
                "public final class ShuntOne {"));
        String clientOnly = Path.of(FlowRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-Xlint:all", "-Werror", "-cp", clientOnly, "-d", dir.toString(), source.toString());
        assertEquals(0, compiled, "javac of README's ShuntOne");

        try (Served served = Served.start(SigningKey.load(keyFile).bytes())) {
            String server = "127.0.0.1:" + served.port();
            Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", clientOnly + File.pathSeparator + dir, "ShuntOne", server, keyFile.toString())
                    .redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, run.waitFor(), output);
            assertEquals("ok", output.strip());
            assertEquals(1, served.manager.active().size());
        }
    }

    /** The fenced java block of {@code readme} holding {@code line}. */
    private static String javaBlock(List<String> readme, String line) {
        int at = readme.indexOf(line);
        assertTrue(at >= 0, "README.md has no \"" + line + "\"");
        int start = at;
        while (!readme.get(start - 1).equals("```java")) {
            start--;
        }
        int end = at;
        while (!readme.get(end).equals("```")) {
            end++;
        }
        return String.join("\n", readme.subList(start, end)) + "\n";
    }

    @Test
    void readmeShowsTheCodeThatRuns() throws IOException {
        Path root = repositoryRoot();
        List<String> readme = trimmed(Files.readAllLines(root.resolve("README.md")));
        Map<String, List<String>> regions = regions(Files.readAllLines(
                root.resolve("dumbno-core/src/test/java/org/dumbno/ReadmeExamplesIT.java")));

        assertEquals(List.of("embedding", "purge", "several switches", "allocation", "eapi", "custom switch",
                "custom switch in use", "client", "signed client"), List.copyOf(regions.keySet()));
        regions.forEach((name, lines) -> assertTrue(containsBlock(readme, lines),
                "README.md lacks the \"" + name + "\" example, which starts: " + lines.get(0)));
    }

    /** The directory holding README.md and dumbno-core, from the working directory up. */
    private static Path repositoryRoot() {
        for (Path at = Path.of(System.getProperty("user.dir")).toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("README.md")) && Files.isDirectory(at.resolve("dumbno-core"))) {
                return at;
            }
        }
        return fail("no README.md beside dumbno-core above " + System.getProperty("user.dir"));
    }

    private static Map<String, List<String>> regions(List<String> source) {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : source) {
            String text = line.strip();
            if (text.startsWith(REGION_START)) {
                current = new ArrayList<>();
                regions.put(text.substring(REGION_START.length()), current);
            } else if (text.equals(REGION_END)) {
                current = null;
            } else if (current != null) {
                current.add(text);
            }
        }
        return regions;
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    private static boolean containsBlock(List<String> lines, List<String> block) {
        for (int start = 0; start + block.size() <= lines.size(); start++) {
            if (lines.subList(start, start + block.size()).equals(block)) {
                return true;
            }
        }
        return false;
    }

    /** A dumbno server on 127.0.0.1 (a free port) over a simulated switch, as the daemon wires it. */
    private record Served(ACLManager manager, UdpServer server) implements Closeable {
        static Served start(byte[] key) throws IOException, SwitchException {
            EosSwitch eos = EosSwitch.of(SimulatedSwitch.builder().build(), Map.of("Ethernet1", "bulk_1"));
            eos.setup();
            Security security = Security.builder().secret(key).build();
            ACLManager manager = ACLManager.builder().aclSwitch(eos).requestFilter(security.requestFilter()).build();
            manager.start();
            UdpServer server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0)), manager,
                    UdpServer.Options.builder().gate(security.gate()).build());
            return new Served(manager, server);
        }

        int port() {
            return server.addresses().get(0).getPort();
        }

        @Override
        public void close() {
            server.close();
            manager.close();
        }
    }
}
