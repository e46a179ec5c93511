package org.dumbno.metrics;

import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dumbno.acl.AclKey;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.EntryRef;
import org.dumbno.acl.EntryWrite;
import org.dumbno.acl.InterfaceCounters;
import org.dumbno.acl.LayoutProblem;
import org.dumbno.acl.SetupReport;
import org.dumbno.acl.SwitchException;
import org.dumbno.acl.SwitchRead;
import org.dumbno.acl.SwitchRefusedException;

/**
 * An {@link AclSwitch} that tells from every call whether the switch is up ({@code dumbno_switch_up}:
 * 1 once a call was answered, refused or not, 0 once one was not, or the credentials were refused),
 * then answers or throws exactly as the switch it wraps. For a switch not reached through an eAPI
 * transport, whose calls {@link MeteredTransport} meters instead. Obtained from
 * {@link DumbnoMetrics#wrap(AclSwitch)}.
 */
final class MeteredSwitch implements AclSwitch {
    private final AclSwitch delegate;
    private final GaugeDataPoint up;

    /** {@code up} is the switch's {@code dumbno_switch_up} (the gauge, or its labelled child). */
    MeteredSwitch(AclSwitch delegate, GaugeDataPoint up) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.up = up;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public List<AclKey> acls() {
        return delegate.acls();
    }

    @Override
    public SwitchRead read() throws SwitchException {
        return metered(delegate::read);
    }

    @Override
    public List<LayoutProblem> write(List<EntryWrite> writes) throws SwitchException {
        return metered(() -> delegate.write(writes));
    }

    @Override
    public List<LayoutProblem> write(List<EntryRef> removals, List<EntryWrite> writes) throws SwitchException {
        return metered(() -> delegate.write(removals, writes));
    }

    @Override
    public void remove(List<EntryRef> entries) throws SwitchException {
        metered(() -> {
            delegate.remove(entries);
            return null;
        });
    }

    @Override
    public SetupReport setup() throws SwitchException {
        return metered(delegate::setup);
    }

    @Override
    public void learnLayout() throws SwitchException {
        metered(() -> {
            delegate.learnLayout();
            return null;
        });
    }

    @Override
    public Map<String, InterfaceCounters> interfaceCounters() throws SwitchException {
        return metered(delegate::interfaceCounters);
    }

    private <T> T metered(Call<T> call) throws SwitchException {
        boolean answered = false;
        try {
            T result = call.run();
            answered = true;
            return result;
        } catch (SwitchRefusedException e) {
            answered = true;
            throw e;
        } finally {
            up.set(answered ? 1 : 0);
        }
    }

    /** One call to the switch underneath. */
    private interface Call<T> {
        T run() throws SwitchException;
    }

    /** Closes the switch underneath. */
    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "MeteredSwitch[" + delegate.describe() + "]";
    }
}
