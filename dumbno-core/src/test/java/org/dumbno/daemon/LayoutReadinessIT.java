package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.dumbno.eos.sim.SimulatedSwitch;
import org.dumbno.testing.Closer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /-/ready} is 503 while the last read found the layout broken, and 200 once it is whole again. */
@Timeout(30)
class LayoutReadinessIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @RegisterExtension
    final Closer closer = new Closer();
    private Daemon daemon;

    @Test
    void aBrokenLayoutMakesDumbnoNotReady() throws Exception {
        daemon = closer.add(TestDaemons.start(s -> s.metricsListen(TestDaemons.loopback(0)).repairLayout(false)));
        SimulatedSwitch sim = daemon.simulatedSwitch().orElseThrow();
        assertEquals(200, ready().statusCode());

        sim.countersPerEntry(false);
        daemon.manager().purge();

        HttpResponse<String> broken = ready();
        assertEquals(503, broken.statusCode());
        assertTrue(broken.body().contains("layout: incomplete: ") && broken.body().contains("does not count per entry"), broken.body());

        sim.countersPerEntry(true);
        daemon.manager().purge();

        assertEquals(200, ready().statusCode());
    }

    private HttpResponse<String> ready() throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + daemon.metricsAddress().orElseThrow().getPort() + "/-/ready");
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
