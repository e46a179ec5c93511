package org.dumbno.metrics;

import com.google.gson.JsonObject;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.dumbno.acl.SwitchException;
import org.dumbno.eos.ForwardingTransport;
import org.dumbno.eos.Transport;

/**
 * A {@link Transport} that counts every call by how it ended ({@code dumbno_eapi_calls_total}),
 * observes how long it took ({@code dumbno_eapi_call_duration_seconds}) and tells from it whether
 * the switch is up ({@code dumbno_switch_up}: 1 once a call was answered with our credentials
 * accepted, 0 once one was not), each under the label {@code switch}, then answers or throws exactly
 * as the transport it wraps. Obtained from {@link DumbnoMetrics#wrap(String, Transport)}.
 */
final class MeteredTransport extends ForwardingTransport {
    private static final double NANOS_PER_SECOND = 1e9;

    private final String switchName;
    private final Counter calls;
    private final Histogram durations;
    private final Gauge up;
    private final LongSupplier nanoTime;

    MeteredTransport(Transport delegate, String switchName, Counter calls, Histogram durations, Gauge up,
            LongSupplier nanoTime) {
        super(delegate);
        this.switchName = Objects.requireNonNull(switchName, "switchName");
        this.calls = calls;
        this.durations = durations;
        this.up = up;
        this.nanoTime = nanoTime;
    }

    @Override
    public List<JsonObject> runCmds(List<String> commands, Format format) throws SwitchException {
        return metered(() -> inner().runCmds(commands, format));
    }

    @Override
    public <T> List<T> runCmds(List<String> commands, ResultDecoder<T> decoder) throws SwitchException {
        return metered(() -> inner().runCmds(commands, decoder));
    }

    private <T> List<T> metered(Call<T> call) throws SwitchException {
        long start = nanoTime.getAsLong();
        CallResult result = CallResult.UNAVAILABLE;
        try {
            List<T> results = call.run();
            result = CallResult.OK;
            return results;
        } catch (SwitchException | RuntimeException e) {
            result = CallResult.of(e);
            throw e;
        } finally {
            calls.labelValues(switchName, result.label()).inc();
            up.labelValues(switchName).set(result.switchUp() ? 1 : 0);
            durations.labelValues(switchName).observe((nanoTime.getAsLong() - start) / NANOS_PER_SECOND);
        }
    }

    /** One call to the transport underneath. */
    private interface Call<T> {
        List<T> run() throws SwitchException;
    }

    /** The transport underneath. */
    Transport delegate() {
        return inner();
    }

    @Override
    public String toString() {
        return "MeteredTransport[" + describe() + "]";
    }
}
