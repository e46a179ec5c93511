package org.dumbno.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.cli.RunningDaemon.Run;
import org.dumbno.client.ACLClient;
import org.dumbno.rule.Flow;
import org.dumbno.rule.Protocol;
import org.dumbno.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dumbno list} shows the packets per second the running dumbno measured over its last sweep. */
@Timeout(60)
class ListRatesIT {
    @TempDir
    Path dir;

    private RunningDaemon running;

    @BeforeEach
    void start() throws IOException {
        running = RunningDaemon.start(dir, "purge_interval = 1\nmetrics_listen = 127.0.0.1:METRICS");
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void listShowsTheRateOfEachLineAsTheDaemonMeasuredIt() throws IOException {
        try (ACLClient client = ACLClient.builder().server(running.server()).build()) {
            assertEquals("ok", client.addAcl("10.1.2.3", "192.0.2.9", "tcp", null, 443));
        }
        Flow flow = Flow.of(Protocol.TCP, "10.1.2.3", 51234, "192.0.2.9", 443);
        AtomicReference<JsonObject> busy = new AtomicReference<>();
        // traffic all along, so that whichever sweep came last before a list saw packets move
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleAtFixedRate(() -> running.simulated().send("Ethernet1", flow, 100, 10_000), 0, 100,
                TimeUnit.MILLISECONDS);
        try {
            awaitRate(busy);
        } finally {
            traffic.shutdownNow();
        }
        assertEquals(501, busy.get().get("seq").getAsLong());

        Run table = RunningDaemon.run("list", running.config().toString());
        List<String> lines = table.out().lines().toList();
        assertEquals("PKTS/S", lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
        assertTrue(lines.get(1).matches("bulk_1\\s+ip\\s+501\\s+.*\\s+\\d+\\.\\d"), lines.get(1));
    }

    private void awaitRate(AtomicReference<JsonObject> busy) throws IOException {
        assertTrue(Await.until(() -> {
            Run list = RunningDaemon.run("list", running.config().toString(), "--json");
            JsonArray rows = JsonParser.parseString(list.out()).getAsJsonArray();
            for (JsonElement row : rows) {
                JsonObject line = row.getAsJsonObject();
                JsonElement rate = line.get("packets_per_second");
                if (line.get("acl").getAsString().equals("bulk_1") && !rate.isJsonNull() && rate.getAsDouble() > 0) {
                    busy.set(line);
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(30)), "a sweep measured the traffic");
    }
}
