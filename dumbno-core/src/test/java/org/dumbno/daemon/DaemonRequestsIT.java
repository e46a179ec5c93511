package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dumbno.acl.AclEntry;
import org.dumbno.acl.AclKey;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.testing.Addrs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real daemon on the simulated switch, spoken to in real UDP datagrams, read back over eAPI. */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaemonRequestsIT {
    private Daemon daemon;

    @BeforeAll
    void start() throws IOException {
        daemon = TestDaemons.start(settings -> settings);
    }

    @AfterAll
    void stop() {
        daemon.close();
    }

    /** What the clients in use send: Python (nulls), Go ("" and 0), the Zeek plugin (numbers), and variants. */
    static Stream<String> dialects() {
        return Stream.of(
                "{\"src\": \"10.1.2.3\", \"dst\": \"192.0.2.9\", \"proto\": \"tcp\", \"sport\": null, \"dport\": 443}",
                "{\"src\": \"10.1.2.4\", \"dst\": \"192.0.2.9\", \"proto\": null, \"sport\": null, \"dport\": null}",
                "{\"src\":\"10.1.2.5\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"sport\":0,\"dport\":443}",
                "{\"src\":\"\",\"dst\":\"192.0.2.10\",\"proto\":\"\",\"sport\":0,\"dport\":0}",
                "{\"src\":\"10.1.2.6\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"sport\":51234,\"dport\":443}",
                "{\"src\":\"10.1.2.7\",\"dst\":\"192.0.2.9\",\"proto\":\"TCP\",\"dport\":443}",
                "{\"src\":\"10.1.2.8\",\"dst\":\"192.0.2.9\",\"proto\":\"udp\",\"sport\":\"5353\",\"dport\":\"53\"}",
                "{\"src\":\"10.1.2.9\",\"dst\":\"192.0.2.9\",\"note\":\"bulk\",\"version\":2,\"extra\":{\"a\":[1]}}",
                "{\"src\":\"10.1.2.10\",\"dst\":\"192.0.2.9\",\"proto\":6,\"dport\":22}",
                "{\"src\":\"2001:db8::1\",\"dst\":\"2001:DB8::2\",\"proto\":\"tcp\",\"dport\":443}",
                "{\"dst\":\"192.0.2.50\",\"src\":\"10.1.2.11\",\"proto\":\"tcp\",\"sport\":1234,\"dport\":80}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void everyClientDialectIsShuntedInEveryAclOfItsFamily(String datagram) throws IOException {
        assertEquals("ok", TestDaemons.ask(daemon, datagram));

        Request request = Request.parse(datagram.getBytes(StandardCharsets.UTF_8));
        Rule rule = request.toRule(Set.of(Addrs.ip("192.0.2.50")));
        Map<AclKey, List<AclEntry>> acls = TestDaemons.readAsSecondProcess(daemon);
        for (AclKey acl : daemon.aclSwitch().acls(request.family())) {
            assertTrue(TestDaemons.find(acls.get(acl), rule).isPresent(), () -> rule + " missing in " + acl + ": " + acls.get(acl));
        }
    }

    @Test
    void aRepeatedRequestIsOkAndWritesNothing() throws IOException {
        String datagram = "{\"src\":\"10.7.7.7\",\"dst\":\"192.0.2.7\"}";
        assertEquals("ok", TestDaemons.ask(daemon, datagram));
        long before = TestDaemons.denyCount(daemon);

        assertEquals("ok", TestDaemons.ask(daemon, datagram));

        assertEquals(before, TestDaemons.denyCount(daemon));
    }

    /** Thirty-odd ways to get a request wrong; none may reach the switch or hurt the daemon. */
    static Stream<String> malformed() {
        return Stream.of(
                "", " ", "not json", "{", "}", "[]", "null", "42", "\"src\"", "{}",
                "{\"proto\":\"tcp\"}",
                "{\"src\":null,\"dst\":null,\"proto\":null,\"sport\":null,\"dport\":null}",
                "{\"src\":\"\",\"dst\":\"\",\"proto\":\"\",\"sport\":0,\"dport\":0}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"bogus\"}",
                "{\"src\":\"sensor.example.org\"}",
                "{\"src\":\"10.1.2.300\"}",
                "{\"src\":\"10.1.2.0/24\"}",
                "{\"src\":\"10.1.2.3\",\"dst\":\"2001:db8::1\"}",
                "{\"src\":\"10.1.2.3\",\"dport\":80}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":70000}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":-1}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":\"abc\"}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":1.5}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":true}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"sport\":\"0x50\"}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"sport\":65536}",
                "{\"src\":\"10.1.2.3\",\"proto\":256}",
                "{\"src\":\"10.1.2.3\",\"proto\":-1}",
                "{\"src\":\"10.1.2.3\",\"proto\":\"icmp\",\"dport\":80}",
                "{\"src\":123}",
                "{\"src\":[\"10.1.2.3\"]}",
                "{\"src\":{\"a\":1}}",
                "{\"src\":\"10.1.2.3 permit ip any any\"}",
                "{\"src\":\"10.1.2.3\\n100 permit ip any any\"}",
                "{\"src\":\"10.1.2.3\"} trailing",
                "[{\"src\":\"10.1.2.3\"}]",
                "{\"src\":\"ip host 10.1.2.3\"}",
                "{\"dst\":\"10.1.2.3\",\"proto\":\"tcp\",\"dport\":[443]}",
                "x".repeat(1600));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void aMalformedRequestIsAnsweredWithAnErrorAndChangesNothing(String datagram) throws IOException {
        long before = TestDaemons.denyCount(daemon);

        String reply = TestDaemons.ask(daemon, datagram);

        assertTrue(reply.startsWith("error: ") && reply.length() > "error: ".length(), reply);
        assertEquals(before, TestDaemons.denyCount(daemon));
        assertEquals("ok", TestDaemons.ask(daemon, "{\"src\":\"10.8.8.8\",\"dst\":\"192.0.2.8\"}"), "daemon alive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk_1", "bulk_2"})
    void theHostedSwitchWasSetUpAndBound(String acl) throws IOException {
        assertTrue(daemon.setupReport().orElseThrow().changed());
        var simulated = daemon.simulatedSwitch().orElseThrow();
        assertTrue(simulated.accessLists(org.dumbno.rule.Family.IP).contains(acl));
        assertTrue(simulated.accessLists(org.dumbno.rule.Family.IPV6).contains(acl));
    }

    @Test
    void describesWhatItListensOn() {
        String text = daemon.describe();

        assertTrue(text.startsWith("udp 127.0.0.1:" + daemon.listening().get(0).getPort()), text);
        assertTrue(text.contains("eAPI http://127.0.0.1:" + daemon.simulatedEapi().orElseThrow().getPort()), text);
    }
}
