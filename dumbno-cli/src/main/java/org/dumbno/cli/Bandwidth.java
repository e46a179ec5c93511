package org.dumbno.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dumbno.acl.InterfaceCounters;

/**
 * The figures of {@code dumbno stats}: ingress ports' in-octets, egress ports' out-octets and their
 * difference (what the ACLs filtered), first as totals in gigabytes, then as Mbit/s between two
 * readings taken one interval apart. A counter that went down (cleared) counts as no traffic.
 */
final class Bandwidth {
    private static final double BITS_PER_MEGABIT = 1_000_000.0;
    private static final double OCTETS_PER_GIGABYTE = 1_000_000_000.0;

    private final List<String> ingress;
    private final List<String> egress;
    private final double intervalSeconds;
    private long lastIn;
    private long lastOut;
    private boolean read;

    Bandwidth(List<String> ingress, List<String> egress, Duration interval) {
        this.ingress = List.copyOf(ingress);
        this.egress = List.copyOf(egress);
        this.intervalSeconds = interval.toNanos() / 1e9;
        if (!(intervalSeconds > 0)) {
            throw new IllegalArgumentException("interval (" + interval + ") must be positive");
        }
    }

    /** The first line, {@code total gigs: in=N out=N filtered=N}; remembers the reading. */
    String totals(Map<String, InterfaceCounters> counters) {
        read = true;
        lastIn = in(counters);
        lastOut = out(counters);
        return line("total gigs", lastIn / OCTETS_PER_GIGABYTE, lastOut / OCTETS_PER_GIGABYTE);
    }

    /** The totals line of the first reading, the rates line of every later one. */
    String next(Map<String, InterfaceCounters> counters) {
        return read ? rates(counters) : totals(counters);
    }

    /** The next line, {@code mbps: in=N out=N filtered=N}, against the previous reading. */
    String rates(Map<String, InterfaceCounters> counters) {
        long in = in(counters);
        long out = out(counters);
        double inMbps = Math.max(0, in - lastIn) * 8 / BITS_PER_MEGABIT / intervalSeconds;
        double outMbps = Math.max(0, out - lastOut) * 8 / BITS_PER_MEGABIT / intervalSeconds;
        lastIn = in;
        lastOut = out;
        return line("mbps", inMbps, outMbps);
    }

    private long in(Map<String, InterfaceCounters> counters) {
        return ingress.stream().map(counters::get).filter(c -> c != null).mapToLong(InterfaceCounters::inOctets).sum();
    }

    private long out(Map<String, InterfaceCounters> counters) {
        return egress.stream().map(counters::get).filter(c -> c != null).mapToLong(InterfaceCounters::outOctets).sum();
    }

    private static String line(String label, double in, double out) {
        return String.format(Locale.ROOT, "%s: in=%.1f out=%.1f filtered=%.1f", label, in, out, in - out);
    }
}
