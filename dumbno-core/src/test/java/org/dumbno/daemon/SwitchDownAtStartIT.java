package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dumbno.acl.AclKey;
import org.dumbno.config.Backend;
import org.dumbno.config.DumbnoConfig;
import org.dumbno.config.DumbnoSettings;
import org.dumbno.config.Secret;
import org.dumbno.config.SwitchSettings;
import org.dumbno.eos.EosSwitch;
import org.dumbno.eos.eapi.EapiServer;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.testing.Sensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve} with the switch down: it listens, queues requests, keeps trying, runs the setup
 * when the switch arrives, and is ready only from then on; a request that waits longer than its
 * maximum age is refused meanwhile.
 */
@Timeout(60)
class SwitchDownAtStartIT {
    private static final String USER = "dumbno";
    private static final String PASSWORD = "switch-down";
    private static final String REQUEST = "{\"src\":\"10.1.2.3\",\"dst\":\"192.0.2.9\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int eapiPort = freePort();
    private Daemon daemon;
    private EapiServer eapi;

    @AfterEach
    void close() {
        if (daemon != null) {
            daemon.close();
        }
        if (eapi != null) {
            eapi.close();
        }
    }

    @Test
    void startsQueuesAndSetsUpWhenTheSwitchArrives() throws Exception {
        daemon = Daemon.start(config(s -> s), Daemon.Options.builder().setup(true).build());
        assertEquals(503, get("/-/ready").statusCode());
        assertTrue(get("/-/ready").body().contains("switch: not reached yet"), get("/-/ready").body());
        assertEquals(200, get("/-/healthy").statusCode());

        try (Sensor sensor = new Sensor(daemon.listening().get(0))) {
            sensor.send(REQUEST);
            SimulatedSwitch sim = SimulatedSwitch.builder().interfaces("Ethernet1-4").build();
            eapi = EapiServer.start(sim, TestDaemons.loopback(eapiPort), USER, PASSWORD, null);

            assertEquals("ok", sensor.receive(Duration.ofSeconds(30)), "written once the switch answered");
            assertTrue(daemon.setupReport().isPresent(), "the setup ran when the switch arrived");
            EosSwitch eos = EosSwitch.of(sim, TestDaemons.PORTS);
            assertEquals(1, eos.readAcls().get(new AclKey("bulk_1", org.dumbno.rule.Family.IP)).stream().filter(e -> e.isDeny()).count());
            assertEquals(200, get("/-/ready").statusCode());
        }
    }

    @Test
    void aRequestThatWaitedLongerThanItsMaximumAgeIsRefused() throws Exception {
        daemon = Daemon.start(config(s -> s.maxRequestAge(Duration.ofSeconds(1))), Daemon.Options.defaults());
        try (Sensor sensor = new Sensor(daemon.listening().get(0))) {
            sensor.send(REQUEST);

            String reply = sensor.receive(Duration.ofSeconds(30));

            assertTrue(reply.startsWith("error: switch unreachable since "), reply);
            assertEquals(503, get("/-/ready").statusCode());
        }
    }

    private DumbnoConfig config(UnaryOperator<DumbnoSettings.Builder> dumbno) {
        DumbnoConfig.Builder builder = DumbnoConfig.builder()
                .switchSettings(SwitchSettings.builder().backend(Backend.ARISTA).scheme("http").host("127.0.0.1")
                        .port(eapiPort).user(USER).password(Secret.of(PASSWORD)).timeout(Duration.ofSeconds(2)).build())
                .dumbno(dumbno.apply(DumbnoSettings.builder().listen(List.of(TestDaemons.loopback(0)))
                        .metricsListen(TestDaemons.loopback(0))).build());
        TestDaemons.PORTS.forEach(builder::port);
        return builder.build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + daemon.metricsAddress().orElseThrow().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, TestDaemons.loopback(0).getAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
