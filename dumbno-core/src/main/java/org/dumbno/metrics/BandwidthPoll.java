package org.dumbno.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.dumbno.acl.AclSwitch;
import org.dumbno.acl.InterfaceCounters;
import org.dumbno.acl.SwitchException;
import org.dumbno.internal.LoopWatch;
import org.dumbno.internal.Loops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the switch's interface counters on every run and adds the change since the last good read
 * to two counters of bytes: ingress is the in-octets of the {@code [ports]} interfaces, egress the
 * out-octets of the {@code [egress_ports]} interfaces (rates, and the filtered difference, come
 * from PromQL). The first read only sets the baseline. A counter that went down was cleared on the
 * switch and counts from zero; an interface missing from a read is left out of that interval. A
 * failed read is logged and the next good one covers the whole time since the last.
 */
final class BandwidthPoll implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BandwidthPoll.class);

    /** The series a poll updates. */
    record Series(CounterDataPoint ingressBytes, CounterDataPoint egressBytes) {
    }

    private final AclSwitch eos;
    private final Set<String> ingress;
    private final Set<String> egress;
    private final Series series;
    private volatile LoopWatch watch;
    private Map<String, InterfaceCounters> last;

    BandwidthPoll(AclSwitch eos, Set<String> ingress, Set<String> egress, Series series) {
        this.eos = eos;
        this.ingress = Set.copyOf(ingress);
        this.egress = Set.copyOf(egress);
        this.series = series;
    }

    /** Tells {@code value} of every round the poll gets through. */
    void watch(LoopWatch value) {
        this.watch = value;
    }

    /** One poll; never throws, so a scheduled poll keeps running. */
    @Override
    public void run() {
        try {
            poll();
            progressed();
        } catch (SwitchException e) {
            LOG.warn("bandwidth poll skipped: {}", e.getMessage());
            progressed();
        } catch (Throwable t) {
            Loops.failed(LOG, "bandwidth poll", t);
        }
    }

    private void progressed() {
        LoopWatch current = watch;
        if (current != null) {
            current.progressed();
        }
    }

    /** Reads the counters and updates the series. */
    synchronized void poll() throws SwitchException {
        Map<String, InterfaceCounters> now = eos.interfaceCounters();
        if (last != null) {
            series.ingressBytes().inc(delta(ingress, now, InterfaceCounters::inOctets));
            series.egressBytes().inc(delta(egress, now, InterfaceCounters::outOctets));
        }
        last = now;
    }

    private long delta(Set<String> interfaces, Map<String, InterfaceCounters> now,
            ToLongFunction<InterfaceCounters> octets) {
        long sum = 0;
        for (String iface : interfaces) {
            InterfaceCounters before = last.get(iface);
            InterfaceCounters after = now.get(iface);
            if (before == null || after == null) {
                continue;
            }
            long change = octets.applyAsLong(after) - octets.applyAsLong(before);
            sum += change >= 0 ? change : octets.applyAsLong(after);
        }
        return sum;
    }
}
