package org.dumbno.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BandwidthChartTest {
    private static StatsLog shuntHalfway(boolean timestamped) {
        List<Sample> samples = new ArrayList<>();
        Instant start = timestamped ? Instant.parse("2026-11-25T10:00:00Z") : Instant.EPOCH;
        for (int i = 0; i < 60; i++) {
            double in = 900 + 50 * Math.sin(i / 5.0);
            double filtered = i < 30 ? 0 : 600;
            samples.add(new Sample(start.plusSeconds(i), in, in - filtered, filtered));
        }
        return new StatsLog(samples, timestamped);
    }

    private static BufferedImage render(BandwidthChart chart, StatsLog log) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        chart.writePng(log, png);
        return ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
    }

    @ParameterizedTest
    @CsvSource({"1200, 600, true", "640, 480, false", "300, 1000, true"})
    void writesAPngOfTheRequestedSize(int width, int height, boolean timestamped) throws IOException {
        BufferedImage image = render(new BandwidthChart("test", width, height), shuntHalfway(timestamped));

        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }

    @Test
    void drawsTheThreeSeriesInTheirColours() throws IOException {
        BufferedImage image = render(new BandwidthChart("test", 800, 400), shuntHalfway(true));

        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() > 2, "colours: " + colours.size());
        assertTrue(colours.contains(0x8ec1e8), "ingress blue is drawn");
        assertTrue(colours.contains(0x2ca02c), "egress green is drawn");
        assertTrue(colours.contains(0xd62728), "filtered red is drawn");
    }

    @Test
    void labelsTheAxesAndNamesTheSeries() {
        JFreeChart chart = new BandwidthChart("t", 100, 100).chart(shuntHalfway(false));
        XYPlot plot = chart.getXYPlot();

        assertEquals("Mbit/s", plot.getRangeAxis().getLabel());
        assertEquals("time (s)", plot.getDomainAxis().getLabel());
        assertEquals(List.of("ingress", "egress", "filtered"),
                List.of(plot.getDataset().getSeriesKey(0), plot.getDataset().getSeriesKey(1),
                        plot.getDataset().getSeriesKey(2)));
        assertEquals("time (UTC)",
                new BandwidthChart("t", 100, 100).chart(shuntHalfway(true)).getXYPlot().getDomainAxis().getLabel());
    }

    @Test
    void refusesAnEmptyLog() {
        assertThrows(IllegalArgumentException.class,
                () -> new BandwidthChart("t", 100, 100).writePng(new StatsLog(List.of(), false),
                        new ByteArrayOutputStream()));
    }

    @ParameterizedTest
    @CsvSource({"0, 600, width (0) must be 1-20000", "1200, 20001, height (20001) must be 1-20000"})
    void refusesImpossibleSizes(int width, int height, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BandwidthChart("t", width, height));
        assertEquals(message, e.getMessage());
    }
}
