package io.tasker.metrics.console.browser;

import io.tasker.metrics.console.web.Ui;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The metric table as the browser shows it, read in one script call: htmx replaces the table
 * on every poll, and elements read one by one could go stale half-way.
 */
record MetricRows(List<Row> rows) {
    record Row(String name, String type, String labels) {}

    static MetricRows read(BrowserConsole browser) {
        @SuppressWarnings("unchecked")
        List<List<String>> cells = (List<List<String>>)
                browser.js("return Array.from(document.querySelectorAll('#" + Ui.ID_METRICS_TABLE + " tr.metric-row'))"
                        + ".map(r => Array.from(r.cells).slice(0, 3).map(c => c.textContent.trim()));");
        return new MetricRows(
                cells.stream().map(c -> new Row(c.get(0), c.get(1), c.get(2))).toList());
    }

    List<String> names() {
        return rows.stream().map(Row::name).distinct().toList();
    }

    String summary() {
        return rows.stream()
                .map(r -> r.name + " " + r.type + " {" + r.labels + "}")
                .collect(Collectors.joining("\n"));
    }
}
