package org.dumbno.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts of outcomes by the kind of datagram and by the class of reply, for the report. */
final class Tally {
    private final Map<String, long[]> byKind = new TreeMap<>();
    private final Map<String, Long> byReply = new TreeMap<>();

    /** Counts one datagram of {@code kind} and its outcome ({@code ok} or the error text). */
    void count(String kind, boolean ok, String outcome) {
        long[] counts = byKind.computeIfAbsent(kind, k -> new long[2]);
        counts[ok ? 0 : 1]++;
        byReply.merge(replyClass(outcome), 1L, Long::sum);
    }

    /** Adds the counts of {@code other} to these. */
    void add(Tally other) {
        other.byKind.forEach((kind, c) -> {
            long[] counts = byKind.computeIfAbsent(kind, k -> new long[2]);
            counts[0] += c[0];
            counts[1] += c[1];
        });
        other.byReply.forEach((reply, n) -> byReply.merge(reply, n, Long::sum));
    }

    /** {@code ok}, or the error with quoted values, addresses and numbers left out, cut to 70 characters. */
    static String replyClass(String outcome) {
        int open = outcome.indexOf('(');
        int close = outcome.lastIndexOf(')');
        String shape = open < 0 || close < open ? outcome
                : outcome.substring(0, open) + "(..)" + outcome.substring(close + 1);
        shape = shape.replaceAll("[0-9A-Fa-f]*[:.][0-9A-Fa-f:.]*[0-9A-Fa-f]", "ADDR").replaceAll("[0-9]+", "N");
        return shape.length() > 70 ? shape.substring(0, 70) + "..." : shape;
    }

    long kinds() {
        return byKind.size();
    }

    long total(boolean ok) {
        return byKind.values().stream().mapToLong(c -> c[ok ? 0 : 1]).sum();
    }

    /** One line per kind ({@code kind: ok=N error=N}), then the reply classes, most frequent first. */
    String report(String okWord, String errorWord) {
        StringBuilder out = new StringBuilder();
        byKind.forEach((kind, c) -> out.append(String.format("  %-26s %s=%-8d %s=%d%n", kind, okWord, c[0], errorWord, c[1])));
        out.append("  reply classes:\n");
        byReply.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(30)
                .forEach(e -> out.append(String.format("  %8d  %s%n", e.getValue(), e.getKey())));
        if (byReply.size() > 30) {
            out.append("  ... ").append(byReply.size() - 30).append(" more classes\n");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return byKind.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0] + "/" + e.getValue()[1])
                .collect(Collectors.joining(", "));
    }
}
