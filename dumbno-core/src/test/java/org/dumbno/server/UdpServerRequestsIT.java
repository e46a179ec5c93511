package org.dumbno.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.dumbno.rule.Request;
import org.dumbno.testing.Sensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests as the clients in use send them, over real datagrams on IPv4 and IPv6 loopback. */
@Timeout(30)
class UdpServerRequestsIT {
    private RecordingShunter shunter;
    private UdpServer server;

    @BeforeEach
    void start() throws IOException {
        shunter = RecordingShunter.installing();
        server = UdpServer.start(List.of(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("::1", 0)),
                shunter, UdpServer.Options.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
        shunter.close();
    }

    private InetSocketAddress address(String loopback) {
        boolean ipv6 = loopback.contains(":");
        return server.addresses().stream()
                .filter(address -> address.getAddress().getHostAddress().contains(":") == ipv6)
                .findFirst().orElseThrow();
    }

    static Stream<Arguments> clientShapes() {
        Stream<Arguments> shapes = Stream.of(
                Arguments.of("python",
                        "{\"src\": \"10.1.2.3\", \"dst\": \"192.0.2.9\", \"proto\": \"tcp\", \"sport\": null, \"dport\": 443}",
                        Request.of("10.1.2.3", "192.0.2.9", "tcp", null, 443)),
                Arguments.of("python, ipv6",
                        "{\"src\": \"2001:db8::1\", \"dst\": \"2001:db8::2\", \"proto\": null, \"sport\": null, \"dport\": null}",
                        Request.of("2001:db8::1", "2001:db8::2", null, null, null)),
                Arguments.of("go", "{\"src\":\"10.1.2.3\",\"dst\":\"\",\"proto\":\"udp\",\"sport\":0,\"dport\":53}",
                        Request.of("10.1.2.3", null, "udp", null, 53)),
                Arguments.of("zeek",
                        "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"proto\":\"tcp\",\"sport\":51234,\"dport\":443}",
                        Request.of("10.1.2.3", "192.0.2.9", "tcp", 51234, 443)),
                Arguments.of("upper-case proto", "{\"src\":\"10.1.2.3\",\"proto\":\"TCP\",\"dport\":22}",
                        Request.of("10.1.2.3", null, "tcp", null, 22)),
                Arguments.of("string ports", "{\"src\":\"10.1.2.3\",\"proto\":\"tcp\",\"sport\":\"1234\",\"dport\":\"80\"}",
                        Request.of("10.1.2.3", null, "tcp", 1234, 80)),
                Arguments.of("unknown keys",
                        "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\",\"sensor\":\"zeek-1\",\"extra\":{\"a\":[1,2]},\"v\":2}",
                        Request.of("10.1.2.3", "192.0.2.9", null, null, null)),
                Arguments.of("protocol number", "{\"dst\":\"192.0.2.9\",\"proto\":17,\"dport\":\"53\"}",
                        Request.of(null, "192.0.2.9", "udp", null, 53)));
        return shapes.flatMap(shape -> Stream.of("127.0.0.1", "::1")
                .map(loopback -> Arguments.of(loopback, shape.get()[0], shape.get()[1], shape.get()[2])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clientShapes")
    void everyClientShapeIsShunted(String loopback, String client, String json, Request expected) throws IOException {
        try (Sensor sensor = new Sensor(address(loopback))) {
            assertEquals("ok", sensor.ask(json), client);
        }
        assertEquals(List.of(expected), shunter.requests());
        assertEquals(1, server.stats().ok());
    }

    @Test
    void bothFamiliesAreBoundOnTheirOwnPorts() throws IOException {
        List<InetSocketAddress> addresses = server.addresses();

        assertEquals(2, addresses.size());
        assertEquals(InetAddress.getByName("127.0.0.1"), addresses.get(0).getAddress());
        assertEquals(InetAddress.getByName("::1"), addresses.get(1).getAddress());
        assertTrue(addresses.stream().allMatch(address -> address.getPort() > 0));
    }

    @Test
    void repliesComeFromTheAddressAskedAndCountEachRequest() throws IOException {
        try (Sensor v4 = new Sensor(address("127.0.0.1")); Sensor v6 = new Sensor(address("::1"))) {
            assertEquals("ok", v4.ask("{\"src\": \"10.1.2.3\"}"));
            assertEquals("ok", v6.ask("{\"src\": \"2001:db8::7\"}"));
            assertEquals("error: request is empty", v6.ask(new byte[0]));
        }
        ServerStats stats = server.stats();
        assertEquals(3, stats.received());
        assertEquals(2, stats.ok());
        assertEquals(1, stats.errors().get(ServerStats.ErrorKind.INVALID));
        assertEquals(3, stats.answered());
    }
}
