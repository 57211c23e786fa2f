package io.tasker.metrics.console.chart;

import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistoryStore.SeriesRef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last hour of a series as an SVG polyline, drawn on the server: no script, nothing for the
 * Content-Security-Policy to allow. The points only change with a new sample, so they are kept
 * until the history's next tick and a polling table costs no database reads in between.
 *
 * <pre>{@code
 * Sparklines.Spark s = sparklines.of("tasker_queue_depth", "queue=\"default\"");
 * }</pre>
 */
public final class Sparklines {
    static final int WIDTH = 90;
    static final int HEIGHT = 22;
    private static final Spark NONE = new Spark(null, null);

    private final HistoryService history;
    private final SeriesReader reader;
    private final Map<String, Spark> cache = new ConcurrentHashMap<>();
    private volatile long generation = -1;

    /**
     * @param href the series' chart page
     * @param points the polyline's points, or null when there is no history to draw
     */
    public record Spark(String href, String points) {}

    public Sparklines(HistoryService history) {
        this.history = history;
        this.reader = new SeriesReader(history.store(), history.settings());
    }

    /** The sparkline of a series by its family's base name and its labels; never throws. */
    public Spark of(String name, String labels) {
        if (generation != history.generation()) {
            cache.clear();
            generation = history.generation();
        }
        return cache.computeIfAbsent(name + '{' + labels + '}', k -> draw(name, labels));
    }

    /** The sparkline of a metric table row, whose name has a counter's {@code _total}. */
    public Spark ofRow(String shownName, String type, String labels) {
        return of(family(shownName, type), labels);
    }

    /** The chart of a metric table row's series: its name links there from every table. */
    public static String chartOfRow(String shownName, String type, String labels) {
        return ChartController.href(family(shownName, type), List.of(labels), Window.H1);
    }

    /** The family a shown name belongs to: the history keeps a counter without its {@code _total}. */
    private static String family(String shownName, String type) {
        return "counter".equals(type) && shownName.endsWith("_total")
                ? shownName.substring(0, shownName.length() - "_total".length())
                : shownName;
    }

    private Spark draw(String name, String labels) {
        SeriesRef ref = history.store().known(name, labels);
        String href = ChartController.href(name, List.of(labels), Window.H1);
        if (ref == null) {
            return new Spark(href, null);
        }
        try {
            long now = history.clock().wallTimeMillis() / 1000;
            List<SeriesReader.Point> points = reader.points(ref.id(), now - Window.H1.seconds());
            List<Double> values = new ArrayList<>();
            for (SeriesReader.Point p : points) {
                values.add(
                        "gauge".equals(ref.key().kind())
                                ? Double.valueOf(p.sample().value())
                                : SeriesReader.rate(p));
            }
            return new Spark(href, polyline(values));
        } catch (SQLException e) {
            return NONE;
        }
    }

    /** Points scaled into the sparkline's box, gaps skipped; null for fewer than two values. */
    public static String polyline(List<Double> values) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int n = 0;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        double span = max > min ? max - min : 1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v != null) {
                double x = values.size() == 1 ? 0 : (double) i * WIDTH / (values.size() - 1);
                double y = HEIGHT - 1 - (v - min) / span * (HEIGHT - 2);
                sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
        }
        return sb.toString();
    }
}
