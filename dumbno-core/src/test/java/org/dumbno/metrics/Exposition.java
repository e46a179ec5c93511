package org.dumbno.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The samples of a Prometheus text exposition, parsed: {@code name{label="value",...} number}
 * lines, comments skipped, label values unescaped.
 */
final class Exposition {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Exposition(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** The registry as a scraper would read it. */
    static Exposition of(PrometheusRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(out.toString(StandardCharsets.UTF_8));
    }

    static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return new Exposition(samples);
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            rest = labels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] value = line.substring(rest).strip().split("\\s+");
        return new Sample(name, labels, number(value[0]));
    }

    /** Reads {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\') {
                    char escaped = line.charAt(i++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i++;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    List<Sample> samples() {
        return samples;
    }

    /** The sample with this name and exactly these labels (given as name, value, name, value...). */
    Optional<Double> find(String name, String... labelPairs) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .map(Sample::value).findFirst();
    }

    /** Like {@link #find} but fails when the sample is missing. */
    double value(String name, String... labelPairs) {
        return find(name, labelPairs).orElseThrow(() -> new AssertionError(
                "no sample " + name + " " + List.of(labelPairs) + " in " + samples));
    }
}
