package org.dumbno.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as an aligned text table. */
final class Table {
    private Table() {
    }

    static void print(List<Row> rows, PrintStream out) {
        int scenario = "scenario".length();
        int target = "target".length();
        for (Row row : rows) {
            scenario = Math.max(scenario, row.scenario().length());
            target = Math.max(target, row.target().length());
        }
        String format = "%-" + scenario + "s  %-" + target + "s  %-7s  %s%n";
        out.printf(format, "scenario", "target", "result", "measured");
        for (Row row : rows) {
            out.printf(format, row.scenario(), row.target(), row.verdict(), row.figures());
        }
    }
}
