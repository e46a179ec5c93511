package org.dumbno.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The packets per second the running dumbno measured over its last sweep for each line, asked of
 * its {@code /-/shunts} on {@code metrics_listen}. Only the daemon sweeps, so only it knows; when
 * there is no {@code metrics_listen}, or no daemon answers there, every rate is unknown.
 */
final class SweptRates {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final SweptRates NONE = new SweptRates(Map.of(), "");

    private final Map<String, Double> rates;
    private final String switchName;

    private SweptRates(Map<String, Double> rates, String switchName) {
        this.rates = rates;
        this.switchName = switchName;
    }

    /** The rates of the switch {@code name}'s lines: those the daemon gave under its name. */
    SweptRates on(String name) {
        return new SweptRates(rates, name);
    }

    /** Asks the daemon listening on {@code metricsListen}; unknown rates when it cannot be asked. */
    static SweptRates ask(Optional<InetSocketAddress> metricsListen) {
        if (metricsListen.isEmpty()) {
            return NONE;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri(metricsListen.get())).timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : NONE;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NONE;
        }
    }

    private static URI uri(InetSocketAddress listen) {
        InetAddress address = listen.getAddress();
        boolean v6 = address instanceof Inet6Address;
        String host = address.isAnyLocalAddress() ? (v6 ? "::1" : "127.0.0.1") : address.getHostAddress();
        return URI.create("http://" + (v6 ? "[" + host + "]" : host) + ":" + listen.getPort() + "/-/shunts");
    }

    static SweptRates parse(String json) {
        Map<String, Double> rates = new HashMap<>();
        for (JsonElement element : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject line = element.getAsJsonObject();
            JsonElement rate = line.get("packets_per_second");
            if (rate != null && !rate.isJsonNull()) {
                JsonElement on = line.get("switch");
                rates.put(key(on == null || on.isJsonNull() ? "" : on.getAsString(), line.get("acl").getAsString(),
                        line.get("family").getAsString(), line.get("seq").getAsLong()), rate.getAsDouble());
            }
        }
        return new SweptRates(rates, "");
    }

    /**
     * The rate of {@code row}'s line on this switch; empty when the daemon did not say. A line the
     * daemon gave without a switch (one of a single switch) is any switch's.
     */
    OptionalDouble of(ShuntRow row) {
        Double rate = rates.get(key(switchName, row.acl(), row.family(), row.sequence()));
        if (rate == null) {
            rate = rates.get(key("", row.acl(), row.family(), row.sequence()));
        }
        return rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate);
    }

    private static String key(String switchName, String acl, String family, long sequence) {
        return switchName + " " + acl + " " + family + " " + sequence;
    }
}
