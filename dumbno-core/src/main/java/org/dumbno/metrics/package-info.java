/**
 * Prometheus metrics for a running dumbno: requests answered, shunts added and removed, eAPI calls
 * and their latency, the request queue, and the bandwidth through the monitored ports.
 *
 * <p>Entry points: {@link org.dumbno.metrics.DumbnoMetrics}, which defines every metric in a
 * registry, is attached to the parts it observes and wraps a switch's transport to meter its calls,
 * {@link org.dumbno.metrics.MetricsServer}, which serves
 * a registry as {@code /metrics} over HTTP, and {@link org.dumbno.metrics.Health}, the loops and
 * readiness conditions it answers {@code /-/healthy} and {@code /-/ready} from. Every metric name
 * starts with {@code dumbno_}.
 */
package org.dumbno.metrics;
