package org.dumbno.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws ingress, egress and filtered Mbit/s over time as a line chart, without a display.
 *
 * @param title the chart's title
 * @param width the image width in pixels
 * @param height the image height in pixels
 */
public record BandwidthChart(String title, int width, int height) {
    /** The largest width or height accepted, in pixels. */
    public static final int MAX_SIZE = 20_000;
    /** The default chart title. */
    public static final String DEFAULT_TITLE = "dumbno bandwidth";

    private static final Color INGRESS = new Color(0x8e, 0xc1, 0xe8);
    private static final Color EGRESS = new Color(0x2c, 0xa0, 0x2c);
    private static final Color FILTERED = new Color(0xd6, 0x27, 0x28);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

    public BandwidthChart {
        Objects.requireNonNull(title, "title");
        requireSize("width", width);
        requireSize("height", height);
    }

    private static void requireSize(String name, int value) {
        if (value < 1 || value > MAX_SIZE) {
            throw new IllegalArgumentException(name + " (" + value + ") must be 1-" + MAX_SIZE);
        }
    }

    /**
     * Writes the chart of {@code log} as a PNG.
     *
     * @throws IllegalArgumentException when the log has no samples
     * @throws IOException when the image cannot be written
     */
    public void writePng(StatsLog log, OutputStream out) throws IOException {
        if (log.isEmpty()) {
            throw new IllegalArgumentException("no samples to plot");
        }
        System.setProperty("java.awt.headless", "true");
        ChartUtils.writeChartAsPNG(out, chart(log), width, height);
    }

    JFreeChart chart(StatsLog log) {
        XYPlot plot = new XYPlot(dataset(log), timeAxis(log), new NumberAxis("Mbit/s"), renderer());
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    private static XYSeriesCollection dataset(StatsLog log) {
        XYSeries in = new XYSeries("ingress");
        XYSeries out = new XYSeries("egress");
        XYSeries filtered = new XYSeries("filtered");
        for (Sample sample : log.samples()) {
            double x = x(log, sample);
            in.add(x, sample.inMbps(), false);
            out.add(x, sample.outMbps(), false);
            filtered.add(x, sample.filteredMbps(), false);
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(in);
        dataset.addSeries(out);
        dataset.addSeries(filtered);
        return dataset;
    }

    private static double x(StatsLog log, Sample sample) {
        if (log.timestamped()) {
            return sample.time().toEpochMilli();
        }
        Duration elapsed = Duration.between(log.samples().get(0).time(), sample.time());
        return elapsed.toMillis() / 1000.0;
    }

    private static ValueAxis timeAxis(StatsLog log) {
        if (log.timestamped()) {
            DateAxis axis = new DateAxis("time (UTC)");
            axis.setTimeZone(TimeZone.getTimeZone("UTC"));
            axis.setLowerMargin(0);
            axis.setUpperMargin(0);
            return axis;
        }
        NumberAxis axis = new NumberAxis("time (s)");
        axis.setAutoRangeIncludesZero(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // Ingress is drawn first and wider, so that egress stays visible on top of it while nothing
        // is filtered and the two lines coincide.
        Color[] colours = {INGRESS, EGRESS, FILTERED};
        float[] widths = {4f, 1.5f, 1.5f};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(widths[i], BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return renderer;
    }
}
