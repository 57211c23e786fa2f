package io.tasker.metrics.console.chart;

import io.tasker.metrics.console.history.HistoryService.HistoryStatus;
import io.tasker.metrics.console.web.Layout;
import java.util.List;

/**
 * {@code chart/chart.jte}: one family's chart (or, without a name, the families to pick from).
 *
 * @param name the family, or null for the picker
 * @param labels the series asked for; empty for the whole family
 * @param window the window shown
 * @param seriesUrl where the page's script fetches the data ({@code /api/series?...})
 * @param windowLinks the same chart in each window, by window word
 * @param names every family with history, for the picker
 * @param history what the last sample did (what {@code max_series} left out)
 * @param series every series of the family with history, by its labels, for the series picker
 */
public record ChartPage(
        Layout layout,
        String name,
        List<String> labels,
        Window window,
        String seriesUrl,
        List<WindowLink> windowLinks,
        List<String> names,
        HistoryStatus history,
        List<String> series) {

    /** Whether the picker shows this series checked: asked for, or every series drawn when none was. */
    public boolean picked(String labels) {
        return this.labels.isEmpty()
                ? series.indexOf(labels) < SeriesReader.MAX_LINES_SERIES
                : this.labels.contains(labels);
    }

    /** A link to the same chart over another window. */
    public record WindowLink(String word, String href, boolean active) {}
}
