package org.dumbno.faults;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.Transport;

/**
 * A transport between the engine and the switch the test chose last: it counts every call and
 * runs a check before passing it on, which may throw instead (an HTTP 500, an {@link Error}).
 */
final class Intercepting implements Transport {

    /** Looks at a call's commands before it goes on; throws to fail it. */
    @FunctionalInterface
    interface Check {
        void before(List<String> commands) throws SwitchException;
    }

    private final AtomicReference<Transport> target;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Check check = commands -> {
    };

    Intercepting(Transport first) {
        target = new AtomicReference<>(first);
    }

    /** Passes the calls from now on to {@code next}. */
    void use(Transport next) {
        target.set(next);
    }

    /** Runs {@code next} before every call from now on. */
    void check(Check next) {
        check = next;
    }

    /** Calls so far, passed on or not. */
    int calls() {
        return calls.get();
    }

    private void before(List<String> commands) throws SwitchException {
        calls.incrementAndGet();
        check.before(commands);
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        before(commands);
        return target.get().runCmds(commands, format);
    }

    @Override
    public <T> List<T> runCmds(List<String> commands, ResultDecoder<T> decoder) throws SwitchException {
        before(commands);
        return target.get().runCmds(commands, decoder);
    }

    @Override
    public String describe() {
        return target.get().describe();
    }

    @Override
    public void close() {
    }
}
