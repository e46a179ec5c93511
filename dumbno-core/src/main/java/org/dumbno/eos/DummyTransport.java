package org.dumbno.eos;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A switch that only logs ({@code backend = dummy}): every command is logged at INFO and succeeds.
 * ACL listings come back empty, interface counters have no interfaces, text output is empty.
 */
public final class DummyTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(DummyTransport.class);

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) {
        List<JsonObject> results = new ArrayList<>(commands.size());
        for (String command : commands) {
            LOG.info("dummy switch: {}", command);
            results.add(format == Format.TEXT ? text() : json(command));
        }
        return List.copyOf(results);
    }

    private static JsonObject text() {
        JsonObject result = new JsonObject();
        result.addProperty("output", "");
        return result;
    }

    private static JsonObject json(String command) {
        String normalized = command.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        JsonObject result = new JsonObject();
        if (normalized.startsWith("show ip access-lists") || normalized.startsWith("show ipv6 access-lists")) {
            result.add("aclList", new JsonArray());
        } else if (normalized.startsWith("show interfaces counters")) {
            result.add("interfaces", new JsonObject());
        }
        return result;
    }

    @Override
    public String describe() {
        return "dummy";
    }

    @Override
    public void close() {
        // nothing held
    }
}
