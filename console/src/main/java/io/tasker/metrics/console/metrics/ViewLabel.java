package io.tasker.metrics.console.metrics;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The label {@code tasker_view="cluster"} on every series of the cluster view that {@code /metrics}
 * serves. The cluster view already holds every instance's counts; a Prometheus that also scrapes
 * the services (each exposing its own instance's share) would count each task twice if it summed
 * everything. The mixin's queries select this label, so the console's totals are never added to
 * the instances' shares, and only the console marks its series with it.
 */
final class ViewLabel {
    static final String NAME = "tasker_view";
    static final String CLUSTER = "cluster";

    private ViewLabel() {}

    static MetricsSnapshot cluster(MetricsSnapshot view) {
        List<MetricFamilySnapshot> families = new ArrayList<>(view.families().size());
        for (MetricFamilySnapshot family : view.families()) {
            List<DataPoint> points = new ArrayList<>(family.points().size());
            family.points().forEach(p -> points.add(marked(p)));
            families.add(family.withPoints(points, family.foldedObservations()));
        }
        return new MetricsSnapshot(view.timestamp(), families);
    }

    private static DataPoint marked(DataPoint p) {
        Labels labels = p.labels().with(NAME, CLUSTER);
        if (p instanceof CounterSnapshot.Point c) {
            return new CounterSnapshot.Point(labels, c.value(), c.updatedAtMillis());
        }
        if (p instanceof GaugeSnapshot.Point g) {
            return new GaugeSnapshot.Point(labels, g.value(), g.updatedAtMillis());
        }
        HistogramSnapshot.Point h = (HistogramSnapshot.Point) p;
        return new HistogramSnapshot.Point(labels, h.cumulativeCounts(), h.sum(), h.quantiles(), h.updatedAtMillis());
    }
}
