package io.tasker.metrics.sync.internal;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricType;
import io.tasker.metrics.snapshot.QuantileSketch;

/**
 * The running total of one series of the cluster view, changed in place as each instance's
 * point is added, and made into a snapshot point once at the end. The sums are taken in the
 * order the points come, as adding them pairwise did, so the totals are the same to the bit.
 */
public final class MergedSeries {
    private final Labels labels;
    private boolean any;
    /** A counter's or gauge's value; a histogram's sum. */
    private double value;

    private long updated;
    private long[] counts;
    /** The only sketch added so far: most series of most views have one, which needs no copy. */
    private QuantileSketch sketch;

    private QuantileSketch.Builder sketches;

    public MergedSeries(Labels labels) {
        this.labels = labels;
    }

    /** Adds a counter's value ({@code policy} null) or combines a gauge's by its policy. */
    public void add(double v, long updatedAtMillis, GaugePolicy policy) {
        value = !any ? v : policy == null ? value + v : policy.combine(value, updated, v, updatedAtMillis, false);
        seen(updatedAtMillis);
    }

    public void add(HistogramSnapshot.Point p) {
        if (!any) {
            counts = p.cumulativeCounts();
            value = p.sum();
        } else {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += p.cumulativeCount(i);
            }
            value += p.sum();
        }
        addSketch(p.quantiles());
        seen(p.updatedAtMillis());
    }

    private void addSketch(QuantileSketch q) {
        if (q == null) {
            return;
        }
        if (sketches != null) {
            sketches.add(q);
        } else if (sketch == null) {
            sketch = q;
        } else {
            sketches = QuantileSketch.builder().add(sketch).add(q);
            sketch = null;
        }
    }

    private void seen(long updatedAtMillis) {
        updated = any ? Math.max(updated, updatedAtMillis) : updatedAtMillis;
        any = true;
    }

    public DataPoint point(MetricType type) {
        return switch (type) {
            case COUNTER -> new CounterSnapshot.Point(labels, value, updated);
            case GAUGE -> new GaugeSnapshot.Point(labels, value, updated);
            case HISTOGRAM ->
                new HistogramSnapshot.Point(
                        labels, counts, value, sketches != null ? sketches.build() : sketch, updated);
        };
    }
}
