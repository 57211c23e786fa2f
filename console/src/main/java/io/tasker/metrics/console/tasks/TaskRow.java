package io.tasker.metrics.console.tasks;

/**
 * One task over a window.
 *
 * @param executions executions that ended in the window (all statuses)
 * @param errorRate failures / executions, or null without executions
 * @param p50 duration quantile in seconds over the window, or null without observations
 * @param quantiles {@code sketch} (from the histogram's quantile sketches), {@code buckets}
 *                  (interpolated from bucket counts, an estimate) or {@code none}
 * @param over the error rate is above {@code console.alerts.error_rate}
 * @param spark the throughput sparkline's SVG points, or null
 */
public record TaskRow(
        String task,
        long executions,
        long successes,
        long failures,
        Double errorRate,
        Double p50,
        Double p95,
        Double p99,
        String quantiles,
        boolean over,
        String spark) {}
