package org.dumbno.metrics;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dumbno.eos.Transport;

/** A switch that only answers {@code show interfaces counters}, with counters a test sets. */
final class CountersTransport implements Transport {
    private final Map<String, long[]> counters = new TreeMap<>();

    synchronized CountersTransport set(String iface, long inOctets, long outOctets) {
        counters.put(iface, new long[] {inOctets, outOctets});
        return this;
    }

    synchronized CountersTransport remove(String iface) {
        counters.remove(iface);
        return this;
    }

    @Override
    public synchronized List<JsonObject> runCmds(List<String> commands, Format format) {
        JsonObject interfaces = new JsonObject();
        counters.forEach((iface, octets) -> {
            JsonObject values = new JsonObject();
            values.addProperty("inOctets", octets[0]);
            values.addProperty("outOctets", octets[1]);
            interfaces.add(iface, values);
        });
        JsonObject result = new JsonObject();
        result.add("interfaces", interfaces);
        return commands.stream().map(c -> result).toList();
    }

    @Override
    public String describe() {
        return "counters";
    }

    @Override
    public void close() {
    }
}
