package org.dumbno.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The performance suite: dumbno against a simulated switch served as eAPI over HTTP on loopback,
 * requests as real UDP datagrams. Prints one table row per figure, each marked {@code met} or
 * {@code NOT met} against its target; exits 1 when a target is missed. {@code --cold} skips the
 * warm-up; {@code --no-memory} skips the row that starts a {@code dumbno serve} process;
 * {@code startup} times {@code dumbno add} from the release tarball;
 * {@code switches} measures four switches, each with its own engine, behind one server;
 * {@code --only=burst,sweep} runs only the rows named.
 */
public final class Benchmark {
    static final Duration RTT = Duration.ofMillis(20);
    /** Switches of the rows that measure several. */
    static final int SWITCHES = 4;
    private static final List<String> KINDS = List.of("burst", "sustained", "switches", "repeats", "sweep", "zeek",
            "memory", "startup");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Set<String> kinds = new LinkedHashSet<>(KINDS);
        for (String option : options) {
            if (option.startsWith("--only=") && KINDS.containsAll(List.of(option.substring(7).split(",")))) {
                kinds.retainAll(List.of(option.substring(7).split(",")));
            } else if (option.equals("--no-memory")) {
                kinds.remove("memory");
            } else if (!option.equals("--cold")) {
                System.err.println("usage: bench [--cold] [--no-memory]"
                        + " [--only=burst,sustained,switches,repeats,sweep,zeek,memory,startup]");
                System.exit(2);
            }
        }
        boolean cold = options.contains("--cold");
        System.out.printf("dumbno benchmark, %s, %d cores, %s, Java %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneOffset.UTC)),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("java.version"));
        System.out.printf("load average before: %s%n", loadAverage());
        if (cold) {
            System.out.println("cold: no warm-up, the JIT compiles while the first rows run");
        } else {
            System.out.print("warm-up (results discarded; --cold skips it): burst 3,000, 200/s for 2 s, sweep 1,000 ...");
            System.out.flush();
            RequestRows.burst(3_000, Duration.ZERO);
            RequestRows.sustained(200, 2, RTT);
            SweepRow.run(1_000);
            System.out.println(" done");
        }
        List<Row> rows = new ArrayList<>();
        if (kinds.contains("burst")) {
            for (int count : new int[] {3_000, 10_000}) {
                for (Duration latency : List.of(Duration.ZERO, RTT)) {
                    rows.add(progress(RequestRows.burst(count, latency)));
                }
            }
        }
        if (kinds.contains("sustained")) {
            rows.add(progress(RequestRows.sustained(200, 10, RTT)));
            rows.add(progress(RequestRows.sustained(1_000, 10, RTT)));
        }
        if (kinds.contains("switches")) {
            rows.add(progress(RequestRows.burstOnSwitches(10_000, SWITCHES, RTT)));
            rows.add(progress(RequestRows.sustainedOnSwitches(1_000, 10, RTT, SWITCHES)));
        }
        if (kinds.contains("repeats")) {
            rows.add(progress(RepeatRow.run(1_000, 10, 5, RTT)));
        }
        if (kinds.contains("sweep")) {
            rows.add(progress(SweepRow.run(1_000)));
            rows.add(progress(SweepRow.run(10_000)));
        }
        if (kinds.contains("zeek")) {
            rows.add(progress(ZeekRow.burst(10_000, RTT)));
        }
        if (kinds.contains("memory")) {
            rows.add(progress(MemoryRow.run(root(), 10_000)));
        }
        if (kinds.contains("startup")) {
            rows.add(progress(StartupRow.run(root())));
        }
        System.out.println();
        Table.print(rows, System.out);
        System.out.printf("%nload average after: %s%n", loadAverage());
        System.out.println("RTT = the latency injected per eAPI call (20 ms). For reference, the Python dumbno at 20 ms:"
                + " a burst of 3,000 left 4 rules; 200 req/s for 10 s installed 405 of 2,000.");
        System.exit(rows.stream().allMatch(Row::met) ? 0 : 1);
    }

    private static Row progress(Row row) {
        System.out.printf("  %-32s %s%n", row.scenario(), row.verdict());
        return row;
    }

    private static Path root() {
        return Path.of(System.getProperty("dumbno.root", ".")).toAbsolutePath().normalize();
    }

    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        if (Files.isReadable(proc)) {
            String[] fields = Files.readString(proc).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
        }
        return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
