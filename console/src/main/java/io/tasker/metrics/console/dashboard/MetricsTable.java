package io.tasker.metrics.console.dashboard;

import io.tasker.metrics.console.history.SeriesKey;
import io.tasker.metrics.console.web.Format;
import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the metric table: one per series of the cluster view, filtered by name, label
 * and type, sorted, and cut into pages, so that 10,000 series stay quick to show.
 */
public final class MetricsTable {
    public static final int PAGE_SIZE = 50;

    private MetricsTable() {}

    /** One series as the table shows it. */
    public record Row(String name, String type, String labels, double sortValue, String value, Histogram histogram) {}

    /** A histogram's summary and buckets. */
    public record Histogram(long count, String sum, String p50, String p95, String p99, List<String> buckets) {}

    /** A page of rows, and what it is a page of. */
    public record View(List<Row> rows, Filter filter, int page, int pages, int total, int matching) {}

    public static View build(MetricsSnapshot snapshot, Filter filter) {
        List<Candidate> matching = new ArrayList<>();
        int total = 0;
        String label = filter.label().toLowerCase(Locale.ROOT);
        for (MetricFamilySnapshot f : snapshot.families()) {
            total += f.points().size();
            if (!filter.type().isEmpty() && !filter.type().equals(f.type().word())) {
                continue;
            }
            // Matched against the name the table shows, so that a counter's name copied from a row
            // (with its _total) finds that row.
            String name = shownName(f);
            if (!filter.name().isEmpty()
                    && !name.toLowerCase(Locale.ROOT).contains(filter.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (DataPoint p : f.points()) {
                String labels = text(p.labels());
                if (label.isEmpty() || labels.toLowerCase(Locale.ROOT).contains(label)) {
                    matching.add(new Candidate(name, f, p, labels, sortValue(p)));
                }
            }
        }
        matching.sort(comparator(filter));
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, filter.page()), pages);
        // Only the rows shown are formatted, and only their histograms' quantiles read: with
        // 10,000 series that is 50 rows' work instead of 10,000.
        List<Row> rows = matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE)).stream()
                .map(Candidate::row)
                .toList();
        return new View(rows, filter, page, pages, total, matching.size());
    }

    /** A series that passed the filter, before it is formatted. */
    private record Candidate(
            String name, MetricFamilySnapshot family, DataPoint point, String labels, double sortValue) {
        String type() {
            return family.type().word();
        }

        Row row() {
            if (point instanceof HistogramSnapshot.Point p) {
                return new Row(
                        name(),
                        type(),
                        labels,
                        p.count(),
                        p.count() + " observations",
                        summary(((HistogramSnapshot) family).bounds(), p));
            }
            return new Row(name(), type(), labels, sortValue(), Format.value(name(), sortValue()), null);
        }
    }

    private static double sortValue(DataPoint point) {
        return point instanceof CounterSnapshot.Point c
                ? c.value()
                : point instanceof GaugeSnapshot.Point g ? g.value() : ((HistogramSnapshot.Point) point).count();
    }

    private static String shownName(MetricFamilySnapshot f) {
        return f instanceof CounterSnapshot ? f.name() + "_total" : f.name();
    }

    private static Histogram summary(BucketBounds bounds, HistogramSnapshot.Point p) {
        QuantileSketch q = p.quantiles();
        List<String> buckets = new ArrayList<>(bounds.bucketCount());
        for (int i = 0; i < bounds.bucketCount(); i++) {
            buckets.add("le " + bounds.le(i) + ": " + p.cumulativeCount(i));
        }
        return new Histogram(
                p.count(), Format.number(p.sum()), quantile(q, 0.5), quantile(q, 0.95), quantile(q, 0.99), buckets);
    }

    private static String quantile(QuantileSketch q, double at) {
        return q == null || q.count() == 0 ? "-" : Format.number(q.valueAt(at));
    }

    /**
     * Labels as {@code key="value"} pairs, values escaped as in Prometheus text ({@code \\},
     * {@code \"}, {@code \n}), so that a value holding {@code ", status="failure} cannot pass for
     * another label in the text or in the label filter; the template escapes it all for HTML. The
     * history keys series by the same text.
     */
    public static String text(Labels labels) {
        return SeriesKey.labelsText(labels);
    }

    private static Comparator<Candidate> comparator(Filter filter) {
        Comparator<Candidate> byName = Comparator.comparing(Candidate::name).thenComparing(Candidate::labels);
        Comparator<Candidate> c = switch (filter.sort()) {
            case "value" -> Comparator.comparingDouble(Candidate::sortValue).thenComparing(byName);
            case "type" -> Comparator.comparing(Candidate::type).thenComparing(byName);
            default -> byName;
        };
        return filter.descending() ? c.reversed() : c;
    }
}
