package org.dumbno.bench;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.Transport;

/** Passes calls on and counts the reads among them: the calls that start with a show of a list. */
final class CountingTransport extends ForwardingTransport {
    private final AtomicLong reads = new AtomicLong();

    CountingTransport(Transport inner) {
        super(inner);
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        count(commands);
        return inner().runCmds(commands, format);
    }

    @Override
    public <T> List<T> runCmds(List<String> commands, ResultDecoder<T> decoder) throws SwitchException {
        count(commands);
        return inner().runCmds(commands, decoder);
    }

    private void count(List<String> commands) {
        if (!commands.isEmpty() && commands.get(0).startsWith("show ip access-lists ")) {
            reads.incrementAndGet();
        }
    }

    /** Reads of the lists so far. */
    long reads() {
        return reads.get();
    }
}
