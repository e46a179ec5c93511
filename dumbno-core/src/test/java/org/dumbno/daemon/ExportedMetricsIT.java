package org.dumbno.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The metrics a daemon with every optional part (a Zeek to connect to included) exports are the
 * ones README lists, and the ones the shipped examples use.
 */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportedMetricsIT {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    private static final Pattern TYPE_LINE = Pattern.compile("(?m)^# TYPE (\\S+) \\S+$");
    private static final Pattern README_ROW = Pattern.compile("(?m)^\\| `(dumbno_[a-z_]+)` \\|");
    /** A metric name in PromQL or prose: dumbno's own, or the Java client's JVM and process collectors'. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:dumbno|jvm|process)_[a-z0-9_]+)\\b");
    private static final Pattern HISTOGRAM_SERIES = Pattern.compile("_(bucket|count|sum)$");
    static final Path RULES = ROOT.resolve("examples/prometheus/dumbno-rules.yml");
    static final Path DASHBOARD = ROOT.resolve("examples/grafana/dumbno-dashboard.json");

    private Daemon daemon;
    private Set<String> exported;
    private String exposition;

    @BeforeAll
    void scrape() throws IOException, InterruptedException {
        daemon = Daemon.start(TestDaemons.withZeek(TestDaemons.config(settings -> settings.metricsListen(
                TestDaemons.loopback(0))), URI.create("ws://127.0.0.1:1/v1/messages/json")), Daemon.Options.defaults());
        InetSocketAddress address = daemon.metricsAddress().orElseThrow();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + address.getPort() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        exposition = response.body();
        exported = matches(TYPE_LINE, exposition);
    }

    @AfterAll
    void stop() {
        daemon.close();
    }

    static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void readmeListsEveryDumbnoMetricAndNoOther() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("### Metrics"), readme.indexOf("### Logs"));

        Set<String> ours = new TreeSet<>(exported);
        ours.removeIf(name -> !name.startsWith("dumbno_"));
        assertEquals(ours, matches(README_ROW, section));
    }

    /** The names in {@code text} that are not exported, a histogram's series read as the histogram. */
    private Set<String> unknownIn(String text) {
        Set<String> unknown = new TreeSet<>();
        for (String name : matches(METRIC, text)) {
            String family = HISTOGRAM_SERIES.matcher(name).replaceFirst("");
            if (!exported.contains(name) && !exported.contains(family)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    @Test
    void everyMetricTheAlertRulesNameIsExported() throws IOException {
        String rules = Files.readString(RULES, StandardCharsets.UTF_8);

        assertTrue(matches(METRIC, rules).size() >= 5, rules);
        assertEquals(Set.of(), unknownIn(rules));
    }

    @Test
    void everyMetricTheDashboardNamesIsExported() throws IOException {
        JsonObject dashboard = JsonParser.parseString(Files.readString(DASHBOARD, StandardCharsets.UTF_8))
                .getAsJsonObject();
        StringBuilder queries = new StringBuilder();
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                queries.append(target.getAsJsonObject().get("expr").getAsString()).append('\n');
            }
        }
        for (JsonElement variable : dashboard.getAsJsonObject("templating").getAsJsonArray("list")) {
            queries.append(variable.getAsJsonObject().get("query").getAsString()).append('\n');
        }

        assertTrue(matches(METRIC, queries.toString()).containsAll(Set.of("dumbno_requests_total",
                "dumbno_rules_active", "dumbno_rules_max", "dumbno_ingress_bytes_total", "dumbno_egress_bytes_total",
                "dumbno_eapi_call_duration_seconds_bucket", "dumbno_queue_depth")), queries.toString());
        assertEquals(Set.of(), unknownIn(queries.toString()));
    }

    @Test
    void promtoolFindsNothingAgainstPrometheusNamingConventions() throws IOException, InterruptedException {
        java.util.Optional<Path> promtool = AlertRulesIT.promtool();
        org.junit.jupiter.api.Assumptions.assumeTrue(promtool.isPresent(), "promtool is not on the PATH"
                + " (Debian: apt-get install prometheus), so the exposition was not linted");

        Process check = new ProcessBuilder(promtool.get().toString(), "check", "metrics").redirectErrorStream(true)
                .start();
        try (var in = check.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "promtool did not finish");

        assertEquals(0, check.exitValue(), output);
        assertEquals("", output.strip());
    }

    @Test
    void theJvmAndProcessCollectorsAreThere() {
        assertTrue(exported.contains("process_cpu_seconds_total"), exported.toString());
        assertTrue(exported.contains("jvm_memory_used_bytes"), exported.toString());
    }
}
