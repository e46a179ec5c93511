package org.dumbno.eos.sim;

import com.google.gson.JsonObject;
import java.time.Duration;

/** {@code show interfaces counters} and {@code show version}, as JSON and as text. */
final class Status {
    static final String MODEL = "DCS-7280SR-48C6-SIM";
    static final String VERSION = "4.30.1F-sim";

    private Status() {
    }

    static JsonObject interfaceCounters(SwitchState state) {
        JsonObject interfaces = new JsonObject();
        for (Port port : state.ports()) {
            JsonObject counters = new JsonObject();
            counters.addProperty("inOctets", port.inOctets);
            counters.addProperty("inUcastPkts", port.inUcastPkts);
            counters.addProperty("inMulticastPkts", 0);
            counters.addProperty("inBroadcastPkts", 0);
            counters.addProperty("inDiscards", 0);
            counters.addProperty("outOctets", port.outOctets);
            counters.addProperty("outUcastPkts", port.outUcastPkts);
            counters.addProperty("outMulticastPkts", 0);
            counters.addProperty("outBroadcastPkts", 0);
            counters.addProperty("outDiscards", 0);
            counters.addProperty("lastUpdateTimestamp", state.clock.instant().toEpochMilli() / 1000.0);
            interfaces.add(port.name, counters);
        }
        JsonObject result = new JsonObject();
        result.add("interfaces", interfaces);
        return result;
    }

    static String countersText(SwitchState state) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-12s %20s %15s%n", "Port", "InOctets", "InUcastPkts"));
        for (Port port : state.ports()) {
            out.append(String.format("%-12s %20d %15d%n", port.name, port.inOctets, port.inUcastPkts));
        }
        out.append('\n').append(String.format("%-12s %20s %15s%n", "Port", "OutOctets", "OutUcastPkts"));
        for (Port port : state.ports()) {
            out.append(String.format("%-12s %20d %15d%n", port.name, port.outOctets, port.outUcastPkts));
        }
        return out.toString();
    }

    static JsonObject version(SwitchState state) {
        JsonObject json = new JsonObject();
        json.addProperty("modelName", MODEL);
        json.addProperty("version", VERSION);
        json.addProperty("internalVersion", VERSION + "-simulated");
        json.addProperty("serialNumber", serial(state));
        json.addProperty("systemMacAddress", "00:1c:73:00:00:01");
        json.addProperty("hardwareRevision", "11.00");
        json.addProperty("architecture", "x86_64");
        json.addProperty("hostname", state.hostname);
        json.addProperty("isIntlVersion", false);
        json.addProperty("bootupTimestamp", state.bootedAt.toEpochMilli() / 1000.0);
        json.addProperty("uptime", Duration.between(state.bootedAt, state.clock.instant()).toMillis() / 1000.0);
        return json;
    }

    static String versionText(SwitchState state) {
        return "Arista " + MODEL + "\n"
                + "Hardware version: 11.00\n"
                + "Serial number: " + serial(state) + "\n"
                + "System MAC address: 001c.7300.0001\n\n"
                + "Software image version: " + VERSION + "\n"
                + "Architecture: x86_64\n";
    }

    private static String serial(SwitchState state) {
        return String.format("SIM%08X", state.hostname.hashCode());
    }
}
