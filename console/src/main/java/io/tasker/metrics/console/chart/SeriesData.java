package io.tasker.metrics.console.chart;

import java.util.List;

/**
 * The body of {@code GET /api/series}: one time axis and a line per series and field, aligned
 * to it (null where a line has no value), the shape uPlot draws.
 *
 * @param name the family's name
 * @param type {@code counter}, {@code gauge} or {@code histogram}
 * @param window the window's word
 * @param from the window's start, epoch seconds: the chart's x-axis spans {@code from} to {@code to}
 *     whatever part of it has history
 * @param to the window's end (now), epoch seconds
 * @param times interval starts, epoch seconds, oldest first
 * @param lines the lines
 * @param omitted series of the family left out of the chart (past {@link SeriesReader#MAX_LINES_SERIES})
 */
public record SeriesData(
        String name, String type, String window, long from, long to, long[] times, List<Line> lines, int omitted) {

    /**
     * @param labels the series' labels as the metric table shows them
     * @param field "rate" (per second), "value", "p50", "p95" or "p99"
     * @param unit "per second", "value" or "seconds": lines of one unit share an axis
     * @param estimated true for quantiles interpolated from buckets (the histogram has no sketch)
     */
    public record Line(String labels, String field, String unit, boolean estimated, Double[] values) {}
}
