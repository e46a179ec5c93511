package org.dumbno.eos;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;
import org.dumbno.acl.SwitchException;

/**
 * A transport that passes every call to another: the base of a wrapper that watches, changes or
 * fails calls (metering, recording, an explanation of a refused connection), which overrides only
 * what it changes. A decoded call ({@link #runCmds(List, ResultDecoder)}) goes through
 * {@link #runCmds(List, Format)} unless the wrapper overrides it too, so no call slips past it.
 */
public abstract class ForwardingTransport implements Transport {
    private final Transport inner;

    protected ForwardingTransport(Transport inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The transport the calls go to. */
    protected final Transport inner() {
        return inner;
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        return inner.runCmds(commands, format);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
