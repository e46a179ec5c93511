/**
 * Bandwidth charts from the output of {@code dumbno stats}: {@link org.dumbno.cli.plot.StatsLog}
 * reads the log into {@link org.dumbno.cli.plot.Sample}s, {@link org.dumbno.cli.plot.BandwidthChart}
 * draws them to a PNG.
 */
package org.dumbno.cli.plot;
