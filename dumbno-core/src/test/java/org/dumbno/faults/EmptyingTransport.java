package org.dumbno.faults;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.Transport;

/**
 * Passes calls on, but answers one show command of the next call that has it with an empty
 * {@code aclList}: a partial read, as one that came back without a list the switch has.
 */
final class EmptyingTransport extends ForwardingTransport {
    private volatile String emptied;
    private volatile int times;

    EmptyingTransport(Transport inner) {
        super(inner);
    }

    /** The next call with {@code command} gets {@code {"aclList": []}} for it. */
    void emptyNext(String command) {
        emptyNext(command, 1);
    }

    /** The next {@code calls} calls with {@code command} get {@code {"aclList": []}} for it. */
    void emptyNext(String command, int calls) {
        times = calls;
        emptied = command;
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        List<JsonObject> results = inner().runCmds(commands, format);
        String command = emptied;
        int index = command == null ? -1 : commands.indexOf(command);
        if (index < 0) {
            return results;
        }
        if (--times <= 0) {
            emptied = null;
        }
        List<JsonObject> changed = new ArrayList<>(results);
        changed.set(index, JsonParser.parseString("{\"aclList\": []}").getAsJsonObject());
        return changed;
    }
}
