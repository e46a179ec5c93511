package org.dumbno.fuzz;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.Transport;

/** Passes calls to a switch and keeps every call's commands, in the order the calls were made. */
final class RecordingTransport extends ForwardingTransport {
    private final ConcurrentLinkedQueue<List<String>> calls = new ConcurrentLinkedQueue<>();

    RecordingTransport(Transport inner) {
        super(inner);
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        calls.add(List.copyOf(commands));
        return inner().runCmds(commands, format);
    }

    /** The commands of every call so far. */
    List<List<String>> calls() {
        return List.copyOf(calls);
    }
}
