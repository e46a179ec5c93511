package org.dumbno.cli.plot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples in the output of {@code dumbno stats}: every line {@code mbps: in=N out=N filtered=N},
 * optionally after an ISO-8601 timestamp, and with several switches after the switch's name
 * ({@code edge2: mbps: ...}), of which one switch's lines are read. Every other line (the
 * {@code total gigs:} header, log lines mixed in) is skipped.
 *
 * <p>When every sample line carries a timestamp, samples are placed at those times; otherwise the
 * timestamps are ignored and sample {@code i} is placed {@code i × interval} after the epoch.
 * Timestamps without an offset are read as UTC.
 *
 * @param samples the samples, in the order of the log
 * @param timestamped whether {@link Sample#time()} comes from the log rather than from the interval
 */
public record StatsLog(List<Sample> samples, boolean timestamped) {
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:(\\d{4}-\\d{2}-\\d{2}[T ]\\S+)\\s+)?(?:([A-Za-z][A-Za-z0-9_.-]*):\\s+)?mbps:\\s+in=" + NUMBER
                    + "\\s+out=" + NUMBER + "\\s+filtered=" + NUMBER + "\\s*$");
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    public StatsLog {
        samples = List.copyOf(samples);
    }

    /**
     * Reads a stats log.
     *
     * @param in the log text; not closed
     * @param interval the time between samples, used when the log has no timestamps
     * @throws IOException when {@code in} cannot be read
     */
    public static StatsLog read(Reader in, Duration interval) throws IOException {
        return read(in, interval, Optional.empty());
    }

    /**
     * Reads the lines of one switch of a stats log of several, those after {@code NAME: } (as
     * {@code dumbno stats} prints them with several switches); with {@code switchName} empty, the
     * lines without a name, as with one switch.
     *
     * @throws IOException when {@code in} cannot be read
     */
    public static StatsLog read(Reader in, Duration interval, Optional<String> switchName) throws IOException {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval (" + interval + ") must be positive");
        }
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Line> parsed = new ArrayList<>();
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            parse(text, switchName).ifPresent(parsed::add);
        }
        boolean timestamped = !parsed.isEmpty() && parsed.stream().allMatch(line -> line.time != null);
        List<Sample> samples = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            Line line = parsed.get(i);
            Instant time = timestamped ? line.time : Instant.EPOCH.plus(interval.multipliedBy(i));
            samples.add(new Sample(time, line.in, line.out, line.filtered));
        }
        return new StatsLog(samples, timestamped);
    }

    /** Whether the log holds nothing to plot. */
    public boolean isEmpty() {
        return samples.isEmpty();
    }

    private static Optional<Line> parse(String text, Optional<String> switchName) {
        Matcher m = LINE.matcher(text);
        if (!m.matches() || !Optional.ofNullable(m.group(2)).equals(switchName)) {
            return Optional.empty();
        }
        Instant time = null;
        if (m.group(1) != null) {
            Optional<Instant> stamp = timestamp(m.group(1));
            if (stamp.isEmpty()) {
                return Optional.empty();
            }
            time = stamp.get();
        }
        return Optional.of(new Line(time, Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
    }

    static Optional<Instant> timestamp(String text) {
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(text.replace(' ', 'T'),
                    OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                return Optional.of(offset.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private record Line(Instant time, double in, double out, double filtered) {
    }
}
