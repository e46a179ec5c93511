package org.dumbno.faults;

import static org.dumbno.faults.SwitchAssertions.assertAllPresent;
import static org.dumbno.faults.SwitchAssertions.assertHoldsExactly;
import static org.dumbno.faults.SwitchAssertions.assertOneNumberPerRule;
import static org.dumbno.faults.SwitchAssertions.denies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dumbno.client.ACLClient;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.sim.SimulatedEntry;
import org.dumbno.manager.ACLManager;
import org.dumbno.rule.Family;
import org.dumbno.rule.Request;
import org.dumbno.rule.Rule;
import org.dumbno.server.UdpServer;
import org.dumbno.testing.Closer;
import org.dumbno.testing.LogCapture;
import org.dumbno.testing.Sensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server is restarted in the middle of a burst of real datagrams: a first engine and UDP server
 * answer part of it and are closed; a second pair starts on the same switch and port, learns the
 * shunts and the numbers in use, and answers the sensors' resent requests without writing twice.
 */
@Timeout(30)
class RestartIT {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final Rig rig = new Rig();
    @RegisterExtension
    private final LogCapture log = LogCapture.of("dumbno");
    @RegisterExtension
    final Closer closer = new Closer();

    private ACLManager engine() throws Exception {
        ACLManager manager = closer.add(ACLManager.builder().aclSwitch(EosSwitch.of(rig.recorder, Rig.PORTS)).build());
        manager.start();
        return manager;
    }

    private UdpServer server(ACLManager manager, int port) throws IOException {
        return closer.add(UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", port)), manager,
                UdpServer.Options.defaults()));
    }

    /** One sensor, with its own socket, for each request. */
    private List<Sensor> sensors(InetSocketAddress server, List<Request> requests) throws IOException {
        List<Sensor> sensors = new ArrayList<>();
        while (sensors.size() < requests.size()) {
            sensors.add(closer.add(new Sensor(server)));
        }
        return sensors;
    }

    @Test
    void aSecondServerKeepsEverythingAcknowledgedAndReusesNoNumber() throws Exception {
        List<Request> firstPart = new ArrayList<>(Asked.ipv4(0, 8));
        firstPart.addAll(Asked.ipv6(0, 2));
        List<Request> secondPart = Asked.ipv4(100, 10);
        ACLManager firstEngine = engine();
        UdpServer first = server(firstEngine, 0);
        InetSocketAddress address = first.addresses().get(0);

        List<Sensor> answered = sensors(address, firstPart);
        for (int i = 0; i < answered.size(); i++) {
            answered.get(i).send(firstPart.get(i).toJson());
        }
        for (int i = 0; i < answered.size(); i++) {
            assertEquals("ok", answered.get(i).receive(REPLY_TIMEOUT), firstPart.get(i).toString());
        }
        List<Sensor> cut = sensors(address, secondPart);
        for (int i = 0; i < cut.size(); i++) {
            cut.get(i).send(secondPart.get(i).toJson());
        }
        first.close();
        firstEngine.close();

        Set<Rule> acknowledged = new HashSet<>();
        firstPart.forEach(r -> acknowledged.add(r.toRule()));
        for (int i = 0; i < cut.size(); i++) {
            String reply = cut.get(i).receive(Duration.ofMillis(50));
            assertTrue(reply == null || reply.equals("ok"), secondPart.get(i) + " answered " + reply);
            if ("ok".equals(reply)) {
                acknowledged.add(secondPart.get(i).toRule());
            }
        }
        assertAllPresent(rig.sim, acknowledged);
        assertOneNumberPerRule(rig.sim);
        Set<Long> firstNumbers = numbers();
        int found = firstNumbers.size();

        ACLManager secondEngine = engine();
        server(secondEngine, address.getPort());
        log.line(Level.INFO, "found " + found + " shunts on dumbno-sim (simulated)");
        List<Request> again = new ArrayList<>(firstPart);
        again.addAll(secondPart);
        List<Request> fresh = Asked.ipv4(200, 5);
        List<String> replies = new ArrayList<>();
        try (ACLClient client = ACLClient.builder().server("127.0.0.1", address.getPort())
                .timeout(Duration.ofSeconds(5)).tries(3).build()) {
            for (Request request : again) {
                replies.add(client.addAcl(request.toFlowRequest()));
            }
            for (Request request : fresh) {
                replies.add(client.addAcl(request.toFlowRequest()));
            }
        }

        assertEquals(Collections.nCopies(again.size() + fresh.size(), "ok"), replies);
        Set<Rule> all = new HashSet<>();
        again.forEach(r -> all.add(r.toRule()));
        fresh.forEach(r -> all.add(r.toRule()));
        assertHoldsExactly(rig.sim, rig.recorder, all);
        assertEquals(2 * all.size(), rig.recorder.received().size(), "every line sent once, resent requests none");
        Set<Long> secondNumbers = numbers();
        secondNumbers.removeAll(firstNumbers);
        assertEquals(all.size() - found, secondNumbers.size());
        assertTrue(secondNumbers.stream().allMatch(n -> n > Collections.max(firstNumbers)),
                "the second engine continues after " + firstNumbers + ": " + secondNumbers);
    }

    private Set<Long> numbers() {
        Set<Long> numbers = new TreeSet<>();
        for (Family family : Family.values()) {
            for (String acl : Rig.ACLS) {
                denies(rig.sim, acl, family).stream().map(SimulatedEntry::sequence).forEach(numbers::add);
            }
        }
        return numbers;
    }
}
