package io.tasker.metrics.console.dashboard;

import io.tasker.metrics.console.chart.Sparklines;

/**
 * The metric table fragment htmx polls and swaps in.
 *
 * @param view the page of the table to show
 * @param error why the cluster view could not be read, or null
 * @param sparks the rows' last-hour sparklines, or null for none
 */
public record MetricsFragment(MetricsTable.View view, String error, Sparklines sparks) {
    /** The table alone, without sparklines. */
    public MetricsFragment(MetricsTable.View view, String error) {
        this(view, error, null);
    }
}
